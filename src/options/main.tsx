import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Options } from './Options';
import './options.css';

// The language our messages come in (German or the English fallback), for screen readers.
document.documentElement.lang = browser.i18n.getUILanguage().toLowerCase().startsWith('de') ? 'de' : 'en';
const app = document.getElementById('app');
if (!app) throw new Error('options: #app is missing from index.html');
render(<Options />, app);
