import { render } from 'preact';
import { askForPersistentStorage } from '@/components/persist';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import '@/components/styles/base.css';

askForPersistentStorage();
render(<SidebarApp />, document.getElementById('app')!);
