import { render } from 'preact';
import { askForPersistentStorage } from '@/components/persist';
import { showPageLook } from '@/components/sidebar/look';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import '@/components/styles/base.css';
import '@/components/styles/gmail-look.css';

showPageLook(location.search, document.documentElement);
askForPersistentStorage();
render(<SidebarApp />, document.getElementById('app')!);
