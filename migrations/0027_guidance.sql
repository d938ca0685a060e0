-- The guidance library. A resource is a Markdown page (`body`), an uploaded file, or both.
-- The file's bytes live in the data folder under their SHA-256, never under a name anyone
-- sent; here are the name offered on download and the type read from the content. Audiences
-- and service levels are space-separated codes, so a filter is one LIKE on either engine.
CREATE TABLE guidance_resources (
    id @id@,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('strategy', 'guidance', 'newsletter', 'tool')),
    audiences TEXT NOT NULL CHECK (audiences <> ''),
    levels TEXT NOT NULL DEFAULT '',
    is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    body TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    file_type TEXT NOT NULL DEFAULT '',
    file_bytes BIGINT NOT NULL DEFAULT 0,
    withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    updated_by BIGINT REFERENCES users (id),
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (body <> '' OR file_sha256 <> '')
);
CREATE INDEX guidance_resources_by_date ON guidance_resources (withdrawn, updated_at);
