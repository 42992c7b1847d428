package com.clientsms.kernel.staff;

/** What a member of staff may do. The aggregates decide with these; the web layer only mirrors them. */
public enum Role {
    PRACTITIONER,
    ADMIN,
    SUPERUSER,
    COMPLIANCE_OFFICER;

    public boolean maySend() {
        return this != COMPLIANCE_OFFICER;
    }

    /** Practitioners are limited to the clients linked to them. */
    public boolean mayMessageAnyClient() {
        return this == ADMIN || this == SUPERUSER;
    }

    public boolean mayBroadcast() {
        return this == ADMIN || this == SUPERUSER;
    }

    public boolean mayManageDirectory() {
        return this == ADMIN || this == SUPERUSER;
    }

    public boolean mayAudit() {
        return this == COMPLIANCE_OFFICER || this == ADMIN || this == SUPERUSER;
    }
}
