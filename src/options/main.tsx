import { render } from 'preact';
import { t } from '../shared/i18n';
import { Options } from './Options';
import '../ui/theme.css';
import './options.css';

// The language our messages come in (German or the English fallback), for screen readers.
document.documentElement.lang = t('htmlLang');
const app = document.getElementById('app');
if (!app) throw new Error('options: #app is missing from index.html');
render(<Options />, app);
