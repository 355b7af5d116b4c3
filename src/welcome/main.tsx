import { render } from 'preact';
import { t } from '../shared/i18n';
import { Welcome } from './Welcome';
import '../ui/theme.css';
import '../options/options.css';
import './welcome.css';

// The language our messages come in (German or the English fallback), for screen readers.
document.documentElement.lang = t('htmlLang');
document.title = t('welTitle');
const app = document.getElementById('app');
if (!app) throw new Error('welcome: #app is missing from index.html');
render(<Welcome />, app);
