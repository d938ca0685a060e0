-- Whether the child agreed for their words to be shared with their family and with their
-- network. Records made before the question was asked count as not agreed: nobody asked the
-- child, so their words stay with the professionals until a new record says otherwise.
ALTER TABLE child_voice_records ADD COLUMN shared_with_family INTEGER NOT NULL DEFAULT 0
    CHECK (shared_with_family IN (0, 1));
ALTER TABLE child_voice_records ADD COLUMN shared_with_network INTEGER NOT NULL DEFAULT 0
    CHECK (shared_with_network IN (0, 1));
