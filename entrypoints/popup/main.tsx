import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { startPage } from '@/lib/page-start';
import { App } from './App';

void startPage().then(() => render(<App />, document.getElementById('app')!));
