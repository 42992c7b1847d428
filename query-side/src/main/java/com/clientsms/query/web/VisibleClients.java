package com.clientsms.query.web;

import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.query.FindClient;
import com.clientsms.kernel.query.FindClients;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Which clients a member of staff may see: practitioners their linked clients, everyone else every client of their
 * practice. Another practice's client does not exist for the caller.
 */
@Component
class VisibleClients {

    private final QueryGateway queries;

    VisibleClients(QueryGateway queries) {
        this.queries = queries;
    }

    List<ClientView> all(StaffRef caller) {
        String practitionerId = caller.role() == Role.PRACTITIONER ? caller.staffId() : null;
        return Queries.await(queries.query(
                new FindClients(caller.practiceId(), practitionerId),
                ResponseTypes.multipleInstancesOf(ClientView.class)));
    }

    ClientView one(StaffRef caller, String clientId, String forbiddenMessage) {
        ClientView client = Queries.await(queries.query(
                        new FindClient(caller.practiceId(), clientId),
                        ResponseTypes.optionalInstanceOf(ClientView.class)))
                .orElseThrow(() -> RuleViolation.notFound("There is no client with id '" + clientId + "'."));
        if (caller.role() == Role.PRACTITIONER && !client.practitioners().contains(caller.staffId())) {
            throw RuleViolation.forbidden(forbiddenMessage);
        }
        return client;
    }
}
