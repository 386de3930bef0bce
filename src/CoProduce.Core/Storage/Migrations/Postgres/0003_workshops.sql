-- Workshops: live co-design sessions, their activities, participants (no identifying data), contributions,
-- ballots, and outcome frameworks with every version. Written from GenerateCreateScript() for the model;
-- StorageSchemaTests keep it equal to the model. (Brief number 0004: renumber after authoring's 0003.)

CREATE TABLE wellbeing_reference (
    code character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    sort_order integer NOT NULL,
    name_en text NOT NULL,
    name_cy text NOT NULL,
    CONSTRAINT pk_wellbeing_reference PRIMARY KEY (code)
);

CREATE TABLE outcome_frameworks (
    id uuid NOT NULL,
    title jsonb NOT NULL,
    jurisdiction character varying(16) NOT NULL,
    owner_organisation_id uuid NOT NULL,
    version integer NOT NULL,
    document jsonb NOT NULL,
    CONSTRAINT pk_outcome_frameworks PRIMARY KEY (id),
    CONSTRAINT fk_outcome_frameworks_organisations FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE workshops (
    id uuid NOT NULL,
    title jsonb NOT NULL,
    purpose jsonb NOT NULL,
    phase character varying(16) NOT NULL,
    jurisdiction character varying(16) NOT NULL,
    scheduled_at timestamp with time zone NOT NULL,
    ground_rules jsonb NOT NULL,
    support_information jsonb NOT NULL,
    admission_required boolean NOT NULL,
    consultation_id uuid,
    owner_organisation_id uuid NOT NULL,
    facilitators jsonb NOT NULL,
    state character varying(16) NOT NULL,
    current_activity_id uuid,
    join_code_hash bytea NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_workshops PRIMARY KEY (id),
    CONSTRAINT fk_workshops_consultations FOREIGN KEY (consultation_id) REFERENCES consultations (id) ON DELETE SET NULL,
    CONSTRAINT fk_workshops_organisations FOREIGN KEY (owner_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE outcome_framework_versions (
    framework_id uuid NOT NULL,
    version integer NOT NULL,
    document jsonb NOT NULL,
    summary character varying(200) NOT NULL,
    workshop_id uuid,
    saved_on date NOT NULL,
    CONSTRAINT pk_outcome_framework_versions PRIMARY KEY (framework_id, version),
    CONSTRAINT fk_outcome_framework_versions_outcome_frameworks FOREIGN KEY (framework_id) REFERENCES outcome_frameworks (id) ON DELETE CASCADE
);

CREATE TABLE workshop_activities (
    id uuid NOT NULL,
    workshop_id uuid NOT NULL,
    number integer NOT NULL,
    kind character varying(24) NOT NULL,
    title jsonb NOT NULL,
    prompt jsonb,
    content_warning jsonb,
    settings jsonb NOT NULL,
    results_revealed boolean NOT NULL,
    closed boolean NOT NULL,
    CONSTRAINT pk_workshop_activities PRIMARY KEY (id),
    CONSTRAINT fk_workshop_activities_workshops FOREIGN KEY (workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);

CREATE TABLE workshop_participants (
    id uuid NOT NULL,
    workshop_id uuid NOT NULL,
    pseudonym character varying(40),
    language character varying(2) NOT NULL,
    session_token_hash bytea NOT NULL,
    status character varying(16) NOT NULL,
    signal character varying(16) NOT NULL,
    CONSTRAINT pk_workshop_participants PRIMARY KEY (id),
    CONSTRAINT fk_workshop_participants_workshops FOREIGN KEY (workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);

CREATE TABLE workshop_contributions (
    id uuid NOT NULL,
    workshop_id uuid NOT NULL,
    activity_id uuid NOT NULL,
    number integer NOT NULL,
    kind character varying(24) NOT NULL,
    text character varying(280) NOT NULL,
    language character varying(2) NOT NULL,
    status character varying(16) NOT NULL,
    parent_id uuid,
    target_key character varying(16),
    merged_into_id uuid,
    theme character varying(80),
    CONSTRAINT pk_workshop_contributions PRIMARY KEY (id),
    CONSTRAINT fk_workshop_contributions_workshop_activities FOREIGN KEY (activity_id) REFERENCES workshop_activities (id) ON DELETE RESTRICT,
    CONSTRAINT fk_workshop_contributions_workshops FOREIGN KEY (workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);

CREATE TABLE workshop_ballots (
    activity_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    workshop_id uuid NOT NULL,
    choices jsonb NOT NULL,
    CONSTRAINT pk_workshop_ballots PRIMARY KEY (activity_id, participant_id),
    CONSTRAINT fk_workshop_ballots_workshop_activities FOREIGN KEY (activity_id) REFERENCES workshop_activities (id) ON DELETE CASCADE,
    CONSTRAINT fk_workshop_ballots_workshop_participants FOREIGN KEY (participant_id) REFERENCES workshop_participants (id) ON DELETE CASCADE
);

CREATE INDEX ix_outcome_frameworks_owner_organisation_id ON outcome_frameworks (owner_organisation_id);

CREATE UNIQUE INDEX ix_workshop_activities_workshop_id_number ON workshop_activities (workshop_id, number);

CREATE INDEX ix_workshop_ballots_participant_id ON workshop_ballots (participant_id);

CREATE INDEX ix_workshop_ballots_workshop_id ON workshop_ballots (workshop_id);

CREATE INDEX ix_workshop_contributions_activity_id ON workshop_contributions (activity_id);

CREATE UNIQUE INDEX ix_workshop_contributions_workshop_id_number ON workshop_contributions (workshop_id, number);

CREATE UNIQUE INDEX ix_workshop_participants_session_token_hash ON workshop_participants (session_token_hash);

CREATE INDEX ix_workshop_participants_workshop_id ON workshop_participants (workshop_id);

CREATE INDEX ix_workshops_consultation_id ON workshops (consultation_id);

CREATE UNIQUE INDEX ix_workshops_join_code_hash ON workshops (join_code_hash);

CREATE INDEX ix_workshops_owner_organisation_id ON workshops (owner_organisation_id);

-- Reference data (WellbeingReference): the seven well-being goals and the five ways of working.
INSERT INTO wellbeing_reference (code, kind, sort_order, name_en, name_cy) VALUES
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
