-- Web forms: what the manager defined, and the public posts they took (for the rate limits).

CREATE TABLE forms (
  -- The public endpoint knows only the form's id: it names the team.
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  definition jsonb NOT NULL,
  -- Signs the start tokens of the form's pages (the time-to-fill check); never leaves the service.
  secret bytea NOT NULL,
  -- Leads made so far: also the turn of the next rep when owners rotate.
  submissions bigint NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz
);
CREATE INDEX forms_team ON forms (team_id, created_at);

-- One row per post that reached a form, kept a day: the counts the per-address and per-form limits read. The
-- address is kept as a hash, so the table holds no visitor's IP.
CREATE TABLE form_hits (
  form_id uuid NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  address_hash bytea NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX form_hits_form ON form_hits (form_id, at);
CREATE INDEX form_hits_address ON form_hits (address_hash, at);
