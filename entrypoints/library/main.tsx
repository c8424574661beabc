import { render } from 'preact';
import '@/components/theme.css';
import './library.css';
import { startPage } from '@/lib/pages/page-start';
import { App } from './App';

void startPage().then(() => render(<App />, document.getElementById('app')!));
