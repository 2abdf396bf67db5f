import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/styles/base.css';

render(<PopupApp />, document.getElementById('app')!);
