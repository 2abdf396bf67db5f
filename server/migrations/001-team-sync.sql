-- The team service's tables. Every row carries its team: every query filters by team_id, and the keys start with it
-- so a team's rows sit together in each index (and so a table can later be partitioned by team).

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  -- Bumped under this row's lock by every push that writes: the cursor of the change feed (see records.version).
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reps (
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  -- Normalised (trimmed, lower-case): a second device of the same person joins as the same rep.
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('manager', 'rep')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, id),
  UNIQUE (team_id, email)
);

CREATE TABLE devices (
  team_id uuid NOT NULL,
  id text NOT NULL,
  rep_id uuid NOT NULL,
  name text NOT NULL,
  -- sha256 of the device token; the token itself is shown once, at join, and never stored.
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (team_id, id),
  FOREIGN KEY (team_id, rep_id) REFERENCES reps (team_id, id) ON DELETE CASCADE
);

CREATE TABLE invites (
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  -- sha256 of the normalised code; the code is shown once to whoever made the invite.
  code_hash bytea NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('manager', 'rep')),
  rep_name text NOT NULL,
  rep_email text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by_device text,
  PRIMARY KEY (team_id, id)
);

-- Exactly-once pushes: the highest mutation number applied for each device. Numbers are contiguous per device
-- (a gap is refused), so this one mark tells every number applied from every one not yet seen.
CREATE TABLE applied (
  team_id uuid NOT NULL,
  device_id text NOT NULL,
  seq bigint NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, device_id),
  FOREIGN KEY (team_id, device_id) REFERENCES devices (team_id, id) ON DELETE CASCADE
);

-- One row per record: its field states ({ field: { value, hlc, base, by } }) and the writes that lost.
CREATE TABLE records (
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  entity text NOT NULL,
  id uuid NOT NULL,
  fields jsonb NOT NULL,
  conflicts jsonb NOT NULL DEFAULT '[]',
  -- A fresh team version for every write of the row: the change feed is this column, read in order.
  version bigint NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, entity, id)
);
CREATE UNIQUE INDEX records_feed ON records (team_id, version);
