-- The command side's directory lookup: kept in step with the directory events by the subscribing
-- "directory-lookup" processor, in the same transaction as the events, so set-based checks (the
-- clients of a practice, the members of a group) never read a stale directory.
CREATE TABLE directory_client (
    client_id   VARCHAR(255) NOT NULL PRIMARY KEY,
    practice_id VARCHAR(255) NOT NULL,
    name        TEXT         NOT NULL,
    mobile      VARCHAR(32),
    active      BOOLEAN      NOT NULL,
    opted_out   BOOLEAN      NOT NULL DEFAULT FALSE
);
-- A broadcast reads a practice's whole audience ordered by name.
CREATE INDEX directory_client_practice ON directory_client (practice_id, name);

CREATE TABLE directory_client_practitioner (
    client_id       VARCHAR(255) NOT NULL,
    practitioner_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (client_id, practitioner_id)
);
CREATE INDEX directory_client_practitioner_practitioner ON directory_client_practitioner (practitioner_id);

CREATE TABLE directory_group (
    group_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    practice_id VARCHAR(255) NOT NULL,
    name        TEXT         NOT NULL
);
CREATE INDEX directory_group_practice ON directory_group (practice_id);

CREATE TABLE directory_group_member (
    group_id  VARCHAR(255) NOT NULL,
    client_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (group_id, client_id)
);
CREATE INDEX directory_group_member_client ON directory_group_member (client_id);

CREATE TABLE directory_staff (
    staff_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    practice_id  VARCHAR(255) NOT NULL,
    username     VARCHAR(64)  NOT NULL UNIQUE,
    display_name TEXT         NOT NULL,
    role         VARCHAR(32)  NOT NULL
);
CREATE INDEX directory_staff_practice ON directory_staff (practice_id);

-- Credentials are not events: bcrypt hashes only, written by StaffOnboarding with the staff event.
CREATE TABLE staff_credential (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL
);
