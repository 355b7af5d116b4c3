import { render } from 'preact';
import { Popup } from './Popup';
import './popup.css';

const app = document.getElementById('app');
if (!app) throw new Error('popup: #app is missing from index.html');
render(<Popup />, app);
