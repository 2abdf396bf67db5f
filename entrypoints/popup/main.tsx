import { render } from 'preact';
import { askForPersistentStorage } from '@/components/persist';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/styles/base.css';

askForPersistentStorage();
render(<PopupApp />, document.getElementById('app')!);
