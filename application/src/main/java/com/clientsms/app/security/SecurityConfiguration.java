package com.clientsms.app.security;

import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API (/api, the carrier's webhooks, actuator) is stateless: every request carries HTTP Basic
 * credentials checked against the staff directory or, when an identity provider is configured
 * (spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri), a bearer JWT whose claims name the member of
 * staff. No cookies there, so no CSRF. Everything else (the web pages, the API documentation) uses a session with form
 * login and CSRF protection. Either way the principal is a StaffRef, so the role never comes from the request body.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STATELESS_PATHS = {"/api/**", "/webhooks/**", "/actuator/**"};
    static final String[] PUBLIC_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    /** The sign-in page's own style and script. */
    static final String[] PAGE_ASSETS = {"/css/**", "/js/**", "/favicon.svg"};

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            StaffAuthenticationProvider staff,
            ProblemAuthenticationEntryPoint problems,
            ObjectProvider<JwtDecoder> jwtDecoder,
            StaffJwtConverter jwtStaff,
            @Value("${clientsms.security.http-basic:true}") boolean httpBasic)
            throws Exception {
        http.securityMatcher(STATELESS_PATHS)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**", "/actuator/health", "/actuator/prometheus")
                        // Probes and the metrics scraper cannot sign in; metrics carry counts and practice ids only,
                        // never names, numbers or bodies. Every other actuator endpoint needs a member of staff.
                        .permitAll()
                        // The carrier cannot sign in; its callbacks prove themselves with a signature instead.
                        .requestMatchers("/webhooks/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationProvider(staff)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        if (httpBasic) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(jwtStaff)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, StaffAuthenticationProvider staff) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_DOCS)
                        .permitAll()
                        .requestMatchers("/error", "/login")
                        .permitAll()
                        .requestMatchers(PAGE_ASSETS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationProvider(staff)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                // The pages run no inline script or style, so the browser may refuse any it did not load from here
                // (the Swagger UI, which is not ours, is left as it is).
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(Arrays.stream(PUBLIC_DOCS)
                                .map(PathPatternRequestMatcher.withDefaults()::matcher)
                                .map(RequestMatcher.class::cast)
                                .toList())),
                        new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(Customizer.withDefaults())
                .build();
    }
}
