import { render } from 'preact';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { askForPersistentStorage } from '@/components/persist';
import '@/components/styles/dashboard.css';

askForPersistentStorage();
render(<DashboardApp />, document.getElementById('app')!);
