package com.clientsms.command;

import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;

/** The people of the tests: practice p1 with one of each role, and an administrator of another practice, p2. */
public final class TestStaff {

    public static final String PRACTICE = "p1";
    public static final String OTHER_PRACTICE = "p2";

    public static final StaffRef ADMIN = new StaffRef("admin-1", "alice", "Alice Admin", Role.ADMIN, PRACTICE);
    public static final StaffRef SUPERUSER = new StaffRef("super-1", "sam", "Sam Super", Role.SUPERUSER, PRACTICE);
    public static final StaffRef PRACTITIONER =
            new StaffRef("prac-1", "pat", "Pat Practitioner", Role.PRACTITIONER, PRACTICE);
    public static final StaffRef OTHER_PRACTITIONER =
            new StaffRef("prac-2", "quinn", "Quinn Practitioner", Role.PRACTITIONER, PRACTICE);
    public static final StaffRef COMPLIANCE =
            new StaffRef("comp-1", "carol", "Carol Compliance", Role.COMPLIANCE_OFFICER, PRACTICE);
    public static final StaffRef OTHER_PRACTICE_ADMIN =
            new StaffRef("admin-9", "olga", "Olga Elsewhere", Role.ADMIN, OTHER_PRACTICE);

    private TestStaff() {}
}
