-- Workshops: live co-design sessions, their activities, participants (no identifying data), contributions,
-- ballots, and outcome frameworks with every version. Written from GenerateCreateScript() for the model;
-- StorageSchemaTests keep it equal to the model. (Brief number 0004: renumber after authoring's 0003.)

CREATE TABLE "wellbeing_reference" (
    "code" TEXT NOT NULL CONSTRAINT "pk_wellbeing_reference" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_cy" TEXT NOT NULL
);

CREATE TABLE "outcome_frameworks" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outcome_frameworks" PRIMARY KEY,
    "title" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    CONSTRAINT "fk_outcome_frameworks_organisations" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "workshops" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workshops" PRIMARY KEY,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "scheduled_at" TEXT NOT NULL,
    "ground_rules" TEXT NOT NULL,
    "support_information" TEXT NOT NULL,
    "admission_required" INTEGER NOT NULL,
    "consultation_id" TEXT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "facilitators" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "current_activity_id" TEXT NULL,
    "join_code_hash" BLOB NOT NULL,
    "revision" INTEGER NOT NULL,
    CONSTRAINT "fk_workshops_consultations" FOREIGN KEY ("consultation_id") REFERENCES "consultations" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_workshops_organisations" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "outcome_framework_versions" (
    "framework_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "workshop_id" TEXT NULL,
    "saved_on" TEXT NOT NULL,
    CONSTRAINT "pk_outcome_framework_versions" PRIMARY KEY ("framework_id", "version"),
    CONSTRAINT "fk_outcome_framework_versions_outcome_frameworks" FOREIGN KEY ("framework_id") REFERENCES "outcome_frameworks" ("id") ON DELETE CASCADE
);

CREATE TABLE "workshop_activities" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workshop_activities" PRIMARY KEY,
    "workshop_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "prompt" TEXT NULL,
    "content_warning" TEXT NULL,
    "settings" TEXT NOT NULL,
    "results_revealed" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,
    CONSTRAINT "fk_workshop_activities_workshops" FOREIGN KEY ("workshop_id") REFERENCES "workshops" ("id") ON DELETE CASCADE
);

CREATE TABLE "workshop_participants" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workshop_participants" PRIMARY KEY,
    "workshop_id" TEXT NOT NULL,
    "pseudonym" TEXT NULL,
    "language" TEXT NOT NULL,
    "session_token_hash" BLOB NOT NULL,
    "status" TEXT NOT NULL,
    "signal" TEXT NOT NULL,
    CONSTRAINT "fk_workshop_participants_workshops" FOREIGN KEY ("workshop_id") REFERENCES "workshops" ("id") ON DELETE CASCADE
);

CREATE TABLE "workshop_contributions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workshop_contributions" PRIMARY KEY,
    "workshop_id" TEXT NOT NULL,
    "activity_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "parent_id" TEXT NULL,
    "target_key" TEXT NULL,
    "merged_into_id" TEXT NULL,
    "theme" TEXT NULL,
    CONSTRAINT "fk_workshop_contributions_workshop_activities" FOREIGN KEY ("activity_id") REFERENCES "workshop_activities" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_workshop_contributions_workshops" FOREIGN KEY ("workshop_id") REFERENCES "workshops" ("id") ON DELETE CASCADE
);

CREATE TABLE "workshop_ballots" (
    "activity_id" TEXT NOT NULL,
    "participant_id" TEXT NOT NULL,
    "workshop_id" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    CONSTRAINT "pk_workshop_ballots" PRIMARY KEY ("activity_id", "participant_id"),
    CONSTRAINT "fk_workshop_ballots_workshop_activities" FOREIGN KEY ("activity_id") REFERENCES "workshop_activities" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_workshop_ballots_workshop_participants" FOREIGN KEY ("participant_id") REFERENCES "workshop_participants" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_outcome_frameworks_owner_organisation_id" ON "outcome_frameworks" ("owner_organisation_id");

CREATE UNIQUE INDEX "ix_workshop_activities_workshop_id_number" ON "workshop_activities" ("workshop_id", "number");

CREATE INDEX "ix_workshop_ballots_participant_id" ON "workshop_ballots" ("participant_id");

CREATE INDEX "ix_workshop_ballots_workshop_id" ON "workshop_ballots" ("workshop_id");

CREATE INDEX "ix_workshop_contributions_activity_id" ON "workshop_contributions" ("activity_id");

CREATE UNIQUE INDEX "ix_workshop_contributions_workshop_id_number" ON "workshop_contributions" ("workshop_id", "number");

CREATE UNIQUE INDEX "ix_workshop_participants_session_token_hash" ON "workshop_participants" ("session_token_hash");

CREATE INDEX "ix_workshop_participants_workshop_id" ON "workshop_participants" ("workshop_id");

CREATE INDEX "ix_workshops_consultation_id" ON "workshops" ("consultation_id");

CREATE UNIQUE INDEX "ix_workshops_join_code_hash" ON "workshops" ("join_code_hash");

CREATE INDEX "ix_workshops_owner_organisation_id" ON "workshops" ("owner_organisation_id");

-- Reference data (WellbeingReference): the seven well-being goals and the five ways of working.
INSERT INTO "wellbeing_reference" ("code", "kind", "sort_order", "name_en", "name_cy") VALUES
    ('goal.prosperous', 'Goal', 1, 'A prosperous Wales', 'Cymru lewyrchus'),
    ('goal.resilient', 'Goal', 2, 'A resilient Wales', 'Cymru gydnerth'),
    ('goal.healthier', 'Goal', 3, 'A healthier Wales', 'Cymru iachach'),
    ('goal.more-equal', 'Goal', 4, 'A more equal Wales', 'Cymru sy''n fwy cyfartal'),
    ('goal.cohesive-communities', 'Goal', 5, 'A Wales of cohesive communities', 'Cymru o gymunedau cydlynus'),
    ('goal.culture-language', 'Goal', 6, 'A Wales of vibrant culture and thriving Welsh language', 'Cymru â diwylliant bywiog lle mae''r Gymraeg yn ffynnu'),
    ('goal.globally-responsible', 'Goal', 7, 'A globally responsible Wales', 'Cymru sy''n gyfrifol ar lefel fyd-eang'),
    ('way.long-term', 'WayOfWorking', 1, 'Long term', 'Hirdymor'),
    ('way.prevention', 'WayOfWorking', 2, 'Prevention', 'Atal'),
    ('way.integration', 'WayOfWorking', 3, 'Integration', 'Integreiddio'),
    ('way.collaboration', 'WayOfWorking', 4, 'Collaboration', 'Cydweithio'),
    ('way.involvement', 'WayOfWorking', 5, 'Involvement', 'Cynnwys');
