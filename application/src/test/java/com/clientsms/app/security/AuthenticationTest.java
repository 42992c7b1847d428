package com.clientsms.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.app.api.Http;
import com.clientsms.app.api.RunningApplication;
import com.clientsms.app.api.TestJwt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may call the API: staff with HTTP Basic against the directory, or with a bearer JWT from the identity provider
 * whose claims name them (here a locally generated RSA key plays the provider). Web pages use a session with CSRF.
 */
class AuthenticationTest extends RunningApplication {

    @Autowired
    PasswordEncoder passwords;

    private static Map<String, Object> valleyAdminClaims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "admin2");
        claims.put("preferred_username", "admin2");
        claims.put("name", "Val Admin");
        claims.put("role", "ADMIN");
        claims.put("practice_id", "practice-valley");
        return claims;
    }

    @Test
    void aBearerTokenFromTheIdentityProviderActsAsTheStaffMemberItNames() {
        Http viaJwt = anonymous().withBearer(TestJwt.token(valleyAdminClaims()));

        Http.Response clients = viaJwt.get("/api/clients");

        assertThat(clients.status()).isEqualTo(200);
        assertThat(clients.json().findValuesAsText("id")).isNotEmpty().allMatch(id -> id.startsWith("valley-"));
        assertThat(viaJwt.get("/api/clients/" + OWN_CLIENT).status())
                .as("the practice comes from the token: Harbour's client does not exist for Valley")
                .isEqualTo(404);
    }

    @Test
    void theRoleInTheTokenDecides() {
        Map<String, Object> claims = valleyAdminClaims();
        claims.put("role", List.of("offline_access", "ROLE_PRACTITIONER"));
        claims.put("sub", "valley-practitioner");

        Http.Response broadcast = anonymous()
                .withBearer(TestJwt.token(claims))
                .postJson("/api/broadcasts", Map.of("body", "Practitioners may not broadcast"));

        assertThat(broadcast.status()).isEqualTo(403);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        Http.Response response = anonymous()
                .withBearer(TestJwt.tokenSignedByAnotherKey(valleyAdminClaims()))
                .get("/api/clients");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenWithoutARoleOrPracticeIsRefused() {
        Map<String, Object> noRole = valleyAdminClaims();
        noRole.remove("role");
        Map<String, Object> unknownRole = valleyAdminClaims();
        unknownRole.put("role", "GOD");
        Map<String, Object> noPractice = valleyAdminClaims();
        noPractice.remove("practice_id");

        for (Map<String, Object> claims : List.of(noRole, unknownRole, noPractice)) {
            Http.Response response =
                    anonymous().withBearer(TestJwt.token(claims)).get("/api/clients");
            assertThat(response.status()).as("%s", claims).isEqualTo(401);
            assertThat(response.detail()).contains("claim");
        }
    }

    @Test
    void httpBasicStillWorksBesideTokens() {
        assertThat(as("admin").get("/api/clients").status()).isEqualTo(200);
        assertThat(anonymous().withBasic("admin", "wrong").get("/api/clients").status())
                .isEqualTo(401);
        assertThat(anonymous().get("/api/clients").header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void everyApiEndpointNeedsASignedInMemberOfStaff() {
        for (String path : List.of(
                "/api/clients",
                "/api/groups",
                "/api/staff",
                "/api/broadcasts",
                "/api/audit",
                "/api/clients/" + OWN_CLIENT + "/messages")) {
            Http.Response response = anonymous().get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
        }
        Http.Response send = anonymous().postJson("/api/clients/" + OWN_CLIENT + "/messages", Map.of("body", "hi"));
        assertThat(send.status()).isEqualTo(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        List<String> hashes = jdbc.queryForList(
                "SELECT password_hash FROM staff_credential WHERE username IN"
                        + " ('admin', 'superuser', 'practitioner1', 'practitioner2', 'compliance', 'admin2')",
                String.class);

        assertThat(hashes).isNotEmpty().allSatisfy(hash -> {
            assertThat(hash).startsWith("$2");
            assertThat(passwords.matches("demo", hash)).isTrue();
        });
    }

    @Test
    void theApiIsStatelessButWebPagesUseASessionWithCsrf() {
        Http.Response api = as("admin").get("/api/clients");
        assertThat(api.header("Set-Cookie")).as("no session for the API").isNull();

        Http.Response page = anonymous().get("/");
        assertThat(page.status()).as("web pages ask to sign in").isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        Http.Response login = anonymous().get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text()).contains("_csrf");
        Http.Response forged = anonymous()
                .send("POST", "/login", "application/x-www-form-urlencoded", "username=admin&password=demo".getBytes());
        assertThat(forged.status())
                .as("a form post without the CSRF token is refused")
                .isEqualTo(403);
    }
}
