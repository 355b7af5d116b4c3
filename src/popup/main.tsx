import { render } from 'preact';
import { Popup } from './Popup';
import '../ui/theme.css';
import './popup.css';
import { t } from '../shared/i18n';

// The language our messages come in (German or the English fallback), for screen readers.
document.documentElement.lang = t('htmlLang');

const app = document.getElementById('app');
if (!app) throw new Error('popup: #app is missing from index.html');
render(<Popup />, app);
