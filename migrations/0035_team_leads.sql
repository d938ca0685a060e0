-- The teams a manager leads besides their own: in a small council one manager often leads
-- two or three. A user's own team stays on users.team_id (it is where they are allocated
-- work); a row here adds a team whose cases, contacts, deadlines and booking requests the
-- manager sees and acts on as if it were their own.
CREATE TABLE team_leads (
    user_id BIGINT NOT NULL REFERENCES users (id),
    team_id BIGINT NOT NULL REFERENCES teams (id),
    PRIMARY KEY (user_id, team_id)
);

-- The managers to tell about a team's case are found from the team.
CREATE INDEX team_leads_by_team ON team_leads (team_id);
