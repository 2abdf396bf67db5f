// The page's styles first: a view's own stylesheet (reports, import) comes after them and wins ties.
import '@/components/styles/dashboard.css';
import { render } from 'preact';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { askForPersistentStorage } from '@/components/persist';

askForPersistentStorage();
render(<DashboardApp />, document.getElementById('app')!);
