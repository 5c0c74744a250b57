package dk.youthhub.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error answer of the HTTP API is {@code application/problem+json} (RFC 9457) with the status
 * and its standard title, and never echoes the request: no path, no query, no body (a CPR number
 * may be in any of them). A {@code cpr} query parameter is refused before anything else reads the
 * request.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemErrors {

    /** Spring's error page, replaced: the status and its title, nothing of the request. */
    @Controller
    static class ErrorPage implements ErrorController {

        @RequestMapping("/error")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i && i >= 400 ? i : 500;
            HttpStatus known = HttpStatus.resolve(status);
            response.resetBuffer();
            Problems.write(
                    response,
                    status,
                    Problems.of(status, known == null ? "Error" : known.getReasonPhrase()));
        }
    }

    /** Whether a query string has a parameter named {@code cpr} (read without touching a body). */
    static boolean namesCpr(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (URLDecoder.decode(name, StandardCharsets.UTF_8).strip().equalsIgnoreCase("cpr")) {
                return true;
            }
        }
        return false;
    }

    /** Refuses a CPR number in a URL with {@code 400}, before security, logging or routing. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noCprInUrls() {
        FilterRegistrationBean<OncePerRequestFilter> r =
                new FilterRegistrationBean<>(
                        new OncePerRequestFilter() {
                            @Override
                            protected void doFilterInternal(
                                    HttpServletRequest request,
                                    HttpServletResponse response,
                                    FilterChain chain)
                                    throws ServletException, IOException {
                                if (namesCpr(request.getQueryString())) {
                                    Problems.write(
                                            response,
                                            400,
                                            Problems.of(
                                                    400,
                                                    "A CPR number never goes in a URL: POST it in"
                                                            + " a JSON body"));
                                    return;
                                }
                                chain.doFilter(request, response);
                            }
                        });
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.addUrlPatterns("/*");
        return r;
    }
}
