// Every in-page feature, imported for its registration.
import './presenceMarker';
