package com.clientsms.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every /api endpoint needs a member of staff, authenticated with HTTP Basic against the staff directory. The
 * principal is the directory's StaffRef, so the role always comes from the directory, never from the request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, StaffAuthenticationProvider staff, ProblemAuthenticationEntryPoint problems)
            throws Exception {
        return http.authorizeHttpRequests(
                        requests -> requests.requestMatchers("/actuator/health/**", "/actuator/health", "/error")
                                .permitAll()
                                .requestMatchers("/webhooks/**")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .authenticationProvider(staff)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic API: no cookies, so no cross-site request forgery to defend against.
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
