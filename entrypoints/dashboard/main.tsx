import { render } from 'preact';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import '@/components/styles/dashboard.css';

render(<DashboardApp />, document.getElementById('app')!);
