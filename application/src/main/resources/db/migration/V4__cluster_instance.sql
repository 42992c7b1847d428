-- Instances of the application alive against this database, each refreshing its row every few seconds. Event
-- processors' segments are shared out by the number of live instances (com.clientsms.app.ops.cluster).
CREATE TABLE cluster_instance (
    instance_id  VARCHAR(255) NOT NULL PRIMARY KEY,
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
