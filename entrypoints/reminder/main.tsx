import { render } from 'preact';
import { ReminderApp } from '@/components/reminder/ReminderApp';
import { taskIdsFromReminderHash } from '@/lib/reminders/notification';
import '@/components/styles/base.css';

// Opened by a click on a notification that could not carry buttons (lib/reminders/alarms.ts): its tasks are the hash.
render(<ReminderApp taskIds={taskIdsFromReminderHash(location.hash)} />, document.getElementById('app')!);
