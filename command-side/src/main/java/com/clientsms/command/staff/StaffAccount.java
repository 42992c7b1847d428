package com.clientsms.command.staff;

import com.clientsms.kernel.staff.StaffRef;

/** A member of staff as the sign-in sees them: the directory's StaffRef and the bcrypt hash of their password. */
public record StaffAccount(StaffRef staff, String passwordHash) {

    @Override
    public String toString() {
        return "StaffAccount[staff=" + staff + ", passwordHash=<hidden>]";
    }
}
