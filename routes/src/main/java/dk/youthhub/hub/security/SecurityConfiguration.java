package dk.youthhub.hub.security;

import dk.youthhub.connector.ConnectorDescriptor;
import dk.youthhub.hub.connectors.Systems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer tokens for the HTTP API: no token or an unknown one is {@code 401}, a valid token of the
 * wrong system or role is {@code 403}. Each system may only call its own endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    public static final String ROLE_ADMIN = "ADMIN";

    /** The request header a route reads the authenticated principal from (set by the hub alone). */
    public static final String PRINCIPAL_HEADER = "Hub-Principal";

    public static final String ROLE_COORDINATOR = "COORDINATOR";
    public static final String ROLE_LEADER = "LEADER";
    public static final String ROLE_METRICS = "METRICS";

    /** The role of a principal: the admin, the leader, a coordinator, or a system. */
    static String roleOf(String principal) {
        if (principal.equals(Credentials.ADMIN)) {
            return ROLE_ADMIN;
        }
        if (principal.equals(Credentials.LEADER)) {
            return ROLE_LEADER;
        }
        if (principal.equals(Credentials.METRICS)) {
            return ROLE_METRICS;
        }
        if (principal.startsWith(Credentials.COORDINATOR_PREFIX)) {
            return ROLE_COORDINATOR;
        }
        return systemRole(principal);
    }

    public static String systemRole(String system) {
        return "SYSTEM_" + system.toUpperCase(java.util.Locale.ROOT);
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http, Credentials credentials, Systems systems, AbuseLimits limits)
            throws Exception {
        java.util.Set<String> ingresses = ingresses(systems);
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new BearerTokenFilter(credentials, limits),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(
                        a ->
                                a.requestMatchers(
                                                "/actuator/health",
                                                "/actuator/health/**",
                                                "/actuator/info")
                                        .permitAll()
                                        // Spring's error page keeps an error's own status (404
                                        // stays 404)
                                        .requestMatchers("/error")
                                        .permitAll()
                                        // the topics' contract: names, formats, schema references
                                        .requestMatchers(HttpMethod.GET, "/api/asyncapi.yaml")
                                        .permitAll()
                                        // demo mode's fake recipients check the hub's token
                                        // themselves
                                        .requestMatchers(HttpMethod.POST, "/demo/**")
                                        .permitAll()
                                        // the operator console checks its own session cookie
                                        // and CSRF token (ConsoleController), admin only
                                        .requestMatchers("/console", "/console/**")
                                        .permitAll()
                                        .requestMatchers(
                                                HttpMethod.GET, "/api/v1/{system}/events/{eventId}")
                                        .access(
                                                (auth, context) ->
                                                        ownIngress(
                                                                auth.get(),
                                                                context.getVariables()
                                                                        .get("system"),
                                                                ingresses))
                                        .requestMatchers(HttpMethod.POST, "/api/v1/{system}/events")
                                        .access(
                                                (auth, context) ->
                                                        ownIngress(
                                                                auth.get(),
                                                                context.getVariables()
                                                                        .get("system"),
                                                                ingresses))
                                        .requestMatchers(
                                                "/api/v1/audit/**",
                                                "/api/v1/held/**",
                                                "/api/v1/deadletters/**",
                                                "/api/v1/unacknowledged",
                                                "/api/v1/youth/erase",
                                                "/actuator/sbom",
                                                "/actuator/sbom/**")
                                        .hasRole(ROLE_ADMIN)
                                        .requestMatchers(
                                                HttpMethod.POST,
                                                "/api/v1/youth/query",
                                                "/api/v1/youth/coordinator",
                                                "/api/v1/meetings")
                                        .hasAnyRole(ROLE_ADMIN, ROLE_COORDINATOR)
                                        .requestMatchers(
                                                HttpMethod.GET,
                                                "/api/v1/reports/documentation-model")
                                        .hasAnyRole(ROLE_ADMIN, ROLE_LEADER)
                                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                                        .hasAnyRole(ROLE_ADMIN, ROLE_METRICS)
                                        .anyRequest()
                                        .denyAll())
                .exceptionHandling(
                        e ->
                                e.authenticationEntryPoint(
                                                (request, response, ex) -> {
                                                    response.setHeader(
                                                            "WWW-Authenticate", "Bearer");
                                                    Problems.write(
                                                            response,
                                                            401,
                                                            Problems.of(
                                                                    401,
                                                                    "A valid bearer token is required"));
                                                })
                                        .accessDeniedHandler(
                                                (request, response, ex) ->
                                                        Problems.write(
                                                                response,
                                                                403,
                                                                Problems.of(
                                                                        403,
                                                                        "This token may not use this endpoint"))))
                .build();
    }

    private static java.util.Set<String> ingresses(Systems systems) {
        return systems.inbound(ConnectorDescriptor.Inbound.HTTP_INGRESS).stream()
                .map(Systems.HubSystem::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** A system may post only to its own ingress, and only if it has one. */
    static AuthorizationDecision ownIngress(
            Authentication auth, String system, java.util.Set<String> ingresses) {
        boolean own =
                auth != null
                        && ingresses.contains(system)
                        && auth.getAuthorities().stream()
                                .anyMatch(
                                        a -> a.getAuthority().equals("ROLE_" + systemRole(system)));
        return new AuthorizationDecision(own);
    }

    /** Authenticates {@code Authorization: Bearer <token>}; never logs or stores the token. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private static final org.slf4j.Logger LOG =
                org.slf4j.LoggerFactory.getLogger(BearerTokenFilter.class);
        private final Credentials credentials;
        private final AbuseLimits limits;

        BearerTokenFilter(Credentials credentials, AbuseLimits limits) {
            this.credentials = credentials;
            this.limits = limits;
        }

        private static void tooMany(HttpServletResponse response, long seconds, String why)
                throws IOException {
            response.setHeader("Retry-After", String.valueOf(seconds));
            Problems.write(response, 429, Problems.of(429, why));
        }

        /**
         * Demo mode's fake recipients check the token the hub delivers with, which is not one of
         * the hub's own: counting it as a failed authentication would block the address.
         */
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/demo/");
        }

        /** Camel's platform-http answers on a second dispatch, authorised like the first. */
        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return false;
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(
                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            java.util.Optional<String> token =
                    Credentials.bearerToken(request.getHeader("Authorization"));
            String principal = null;
            if (token.isPresent()) {
                String address = request.getRemoteAddr();
                java.util.OptionalLong blocked = limits.blocked(address);
                if (blocked.isPresent()) {
                    tooMany(response, blocked.getAsLong(), "Too many failed authentications");
                    return;
                }
                principal = credentials.principalOf(token.get()).orElse(null);
                if (principal == null) {
                    long failures = limits.failed(address);
                    if (failures == 1 || failures % 10 == 0) {
                        // never the token; the address and how often within the minute
                        LOG.warn(
                                "Failed authentication from {} ({} within the minute)",
                                address,
                                failures);
                    }
                }
            }
            if (principal != null && request.getRequestURI().startsWith("/api/")) {
                java.util.OptionalLong wait = limits.take(principal);
                if (wait.isPresent()) {
                    tooMany(response, wait.getAsLong(), "Too many requests for this token");
                    return;
                }
            }
            if (principal != null) {
                SecurityContextHolder.getContext()
                        .setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(
                                        principal,
                                        null,
                                        List.of(
                                                new SimpleGrantedAuthority(
                                                        "ROLE_" + roleOf(principal)))));
            }
            try {
                chain.doFilter(new PrincipalRequest(request, principal), response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /**
     * The request with the authenticated principal in {@link #PRINCIPAL_HEADER} (and only that: a
     * value the caller sent under that name is never seen), so a route knows who asks.
     */
    static final class PrincipalRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final String principal;

        PrincipalRequest(HttpServletRequest request, String principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public String getHeader(String name) {
            return PRINCIPAL_HEADER.equalsIgnoreCase(name) ? principal : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            if (PRINCIPAL_HEADER.equalsIgnoreCase(name)) {
                return java.util.Collections.enumeration(
                        principal == null ? List.of() : List.of(principal));
            }
            return super.getHeaders(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaderNames() {
            List<String> names = new java.util.ArrayList<>();
            java.util.Enumeration<String> all = super.getHeaderNames();
            while (all.hasMoreElements()) {
                String n = all.nextElement();
                if (!PRINCIPAL_HEADER.equalsIgnoreCase(n)) {
                    names.add(n);
                }
            }
            if (principal != null) {
                names.add(PRINCIPAL_HEADER);
            }
            return java.util.Collections.enumeration(names);
        }
    }
}
