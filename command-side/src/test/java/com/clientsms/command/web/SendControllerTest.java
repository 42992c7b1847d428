package com.clientsms.command.web;

import static com.clientsms.command.TestStaff.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.clientsms.kernel.directory.RegisterClient;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToClient;
import com.clientsms.kernel.sending.SkipReason;
import com.clientsms.kernel.sending.SkippedRecipient;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The HTTP shape of sending and directory requests; the rules themselves are the aggregates' tests. */
class SendControllerTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new SendController(commands), new ClientDirectoryController(commands))
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ADMIN, null, List.of()));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void messageToAClientIsAcceptedWithItsNewId() throws Exception {
        String response = mvc.perform(post("/api/clients/c-1/messages")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"Please call us\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();

        ArgumentCaptor<SendToClient> sent = ArgumentCaptor.forClass(SendToClient.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().sender()).isEqualTo(ADMIN);
        assertThat(sent.getValue().body()).isEqualTo("Please call us");
        assertThat(response).isEqualTo("{\"messageId\":\"" + sent.getValue().messageId() + "\"}");
    }

    @Test
    void missingBodyReachesTheAggregateAsNoText() throws Exception {
        mvc.perform(post("/api/clients/c-1/messages")).andExpect(status().isAccepted());

        ArgumentCaptor<SendToClient> sent = ArgumentCaptor.forClass(SendToClient.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().body()).isNull();
    }

    @Test
    void broadcastAnswersWithTargetedCountAndReadableSkipReasons() throws Exception {
        when(commands.sendAndWait(any(BroadcastToAll.class)))
                .thenReturn(new BroadcastAccepted(
                        "b-1", 3, List.of(new SkippedRecipient("c-2", "Ben", SkipReason.NO_MOBILE))));

        mvc.perform(post("/api/broadcasts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"Closed Monday\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.broadcastId").value("b-1"))
                .andExpect(jsonPath("$.targeted").value(3))
                .andExpect(jsonPath("$.skipped[0].clientId").value("c-2"))
                .andExpect(jsonPath("$.skipped[0].clientName").value("Ben"))
                .andExpect(jsonPath("$.skipped[0].reason").value("no mobile number"));
    }

    @Test
    void newClientIsCreatedInTheCallersPracticeAndActiveByDefault() throws Exception {
        mvc.perform(post("/api/clients")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Jo\",\"mobile\":\"0412 345 678\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").exists());

        ArgumentCaptor<RegisterClient> sent = ArgumentCaptor.forClass(RegisterClient.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().practiceId()).isEqualTo(ADMIN.practiceId());
        assertThat(sent.getValue().active()).isTrue();
        assertThat(sent.getValue().practitionerIds()).isEmpty();
    }
}
