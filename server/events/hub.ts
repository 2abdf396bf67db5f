import pg from 'pg';
import type { Pool } from '../db/pool';
import { type Announcement, announcementSchema, CHANNEL } from './channel';

export interface Subscriber {
  teamId: string;
  deviceId: string;
  /** Called with each new team version, never with one lower than already sent. */
  send(version: number): void;
  /** Ends the stream: its device was revoked, or the service is stopping. */
  close(): void;
}

interface Logger {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

/**
 * Fans "team version is now N" out to the open event streams of this instance. With a database URL it LISTENs on
 * its own connection, so a push on any instance behind the load balancer reaches streams on every instance; the
 * embedded database takes one connection at a time, so there (one instance by definition) it is told in process.
 */
export class EventHub {
  private readonly teams = new Map<string, Map<Subscriber, number>>();
  private listener: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private delay = 500;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly log: Logger,
    /** Null: no LISTEN connection; announcements come through `committed`. */
    private readonly connectionString: string | null,
  ) {}

  async start(): Promise<void> {
    if (this.connectionString) await this.listen();
  }

  /** After a transaction that announced something committed: needed only when nothing LISTENs. */
  committed(announcement: Announcement): void {
    if (!this.connectionString) this.deliver(announcement);
  }

  subscribe(subscriber: Subscriber, version: number): () => void {
    let team = this.teams.get(subscriber.teamId);
    if (!team) {
      team = new Map();
      this.teams.set(subscriber.teamId, team);
    }
    team.set(subscriber, -1);
    this.sendTo(team, subscriber, version);
    return () => {
      team.delete(subscriber);
      if (team.size === 0 && this.teams.get(subscriber.teamId) === team) this.teams.delete(subscriber.teamId);
    };
  }

  get streams(): number {
    let count = 0;
    for (const team of this.teams.values()) count += team.size;
    return count;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    for (const team of this.teams.values()) for (const subscriber of team.keys()) subscriber.close();
    this.teams.clear();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
  }

  private sendTo(team: Map<Subscriber, number>, subscriber: Subscriber, version: number): void {
    if (version <= (team.get(subscriber) ?? -1)) return;
    team.set(subscriber, version);
    subscriber.send(version);
  }

  private deliver(announcement: Announcement): void {
    const team = this.teams.get(announcement.team);
    if (!team) return;
    for (const subscriber of [...team.keys()]) {
      if ('version' in announcement) this.sendTo(team, subscriber, announcement.version);
      else if (subscriber.deviceId === announcement.revoked) {
        team.delete(subscriber);
        subscriber.close();
      }
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString!, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => {
      const parsed = announcementSchema.safeParse(JSON.parse(message.payload ?? 'null'));
      if (parsed.success) this.deliver(parsed.data);
    });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.log.warn({ err: error }, 'event listener lost its database connection; reconnecting');
      this.reconnectSoon();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.listener = client;
    this.delay = 500;
    await this.catchUp();
  }

  private reconnectSoon(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.listen().catch((error: Error) => {
        this.log.warn({ err: error }, 'event listener could not reconnect');
        this.delay = Math.min(this.delay * 2, 10_000);
        this.reconnectSoon();
      });
    }, this.delay);
  }

  /** Announcements made while not listening were lost: tell every open stream its team's version now. */
  private async catchUp(): Promise<void> {
    const teamIds = [...this.teams.keys()];
    if (teamIds.length === 0) return;
    const { rows } = await this.pool.query<{ id: string; version: number }>(
      'SELECT id, version FROM teams WHERE id = ANY($1::uuid[])',
      [teamIds],
    );
    for (const row of rows) this.deliver({ team: row.id, version: row.version });
  }
}
