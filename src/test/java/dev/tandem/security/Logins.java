package dev.tandem.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Logs people in over HTTP as their browsers do: into a Camunda webapp, or into Tandem's pages. */
final class Logins {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final TestRestTemplate http;

    Logins(TestRestTemplate http) {
        this.http = http;
    }

    /** A login session: the login's status and the cookies to send with later requests. */
    record Session(HttpStatus status, String cookies) {
    }

    /**
     * Logs into a Camunda webapp with its own login form, as the webapp does when its session has
     * ended: it asks who is signed in (nobody: a session and a CSRF token), then posts the form.
     */
    Session webapp(String app, String user) {
        Map<String, String> cookies = new LinkedHashMap<>();
        keep(http.getForEntity("/camunda/api/admin/auth/user/default", String.class).getHeaders(), cookies);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
        headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", user);
        ResponseEntity<String> response = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>(form, headers), String.class);
        keep(response.getHeaders(), cookies);
        return new Session(HttpStatus.valueOf(response.getStatusCode().value()), cookieHeader(cookies));
    }

    /**
     * Logs into Tandem's pages through their login form, with its CSRF token, as a browser keeps
     * its session cookie, then opens the page: its status, or 302 when the login was refused.
     */
    int tandemPage(String user, String path) {
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String base = http.getRootUri();
            String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF.matcher(login);
            if (!token.find()) {
                throw new IllegalStateException("The login page carries no CSRF token");
            }
            String form = "username=%s&password=%s&_csrf=%s".formatted(user, user,
                    URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
            HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (loggedIn.headers().firstValue("Location").orElse("").contains("error")) {
                return 302;
            }
            return browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON POST with the session's cookies and its CSRF token, as a webapp sends it: the token
     * Camunda last gave the session in its XSRF-TOKEN cookie (after a login, with the first
     * response of the new session), repeated in the X-XSRF-TOKEN header.
     */
    ResponseEntity<String> post(Session session, String path, String json) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : session.cookies().split("; ")) {
            String[] nameAndValue = pair.split("=", 2);
            cookies.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        keep(get(session, "/camunda/api/engine/engine/", MediaType.APPLICATION_JSON).getHeaders(), cookies);
        String token = cookies.get("XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("X-XSRF-TOKEN", token);
        return http.postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    /** A GET with the session's cookies. */
    ResponseEntity<String> get(Session session, String path, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookies());
        headers.setAccept(List.of(accept));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static void keep(HttpHeaders response, Map<String, String> cookies) {
        response.getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .map(cookie -> cookie.split(";", 2)[0].split("=", 2))
                .forEach(pair -> cookies.put(pair[0], pair[1]));
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }
}
