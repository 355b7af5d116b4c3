// Every in-page feature, imported for its registration.
import './userPage';
import './customerPage';
import './customersList';
import './incomingList';
