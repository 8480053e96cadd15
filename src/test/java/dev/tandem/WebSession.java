package dev.tandem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session over HTTP: its cookies, kept per host as a browser keeps them (so a
 * session opened on one node is sent to another node on the same host, as behind a load
 * balancer), redirects not followed so that tests see them.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs in through the one login page at {@code base}; the response to the form. */
    public HttpResponse<String> signIn(String base, String user, String password) {
        return postForm(base + "/login", "username=%s&password=%s&_csrf=%s".formatted(
                encode(user), encode(password), encode(csrfToken(base + "/login"))));
    }

    /** The CSRF token of the form on a page (Tandem's pages carry one in every form). */
    public String csrfToken(String pageUrl) {
        Matcher token = CSRF.matcher(get(pageUrl).body());
        if (!token.find()) {
            throw new IllegalStateException(pageUrl + " carries no CSRF token");
        }
        return token.group(1);
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json").build());
    }

    /** A GET of a file, such as a PDF: its bytes. */
    public HttpResponse<byte[]> download(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form POST, as a browser sends one (the body already encoded). */
    public HttpResponse<String> postForm(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A POST as a Camunda webapp sends it: with the CSRF token Camunda last gave the session
     * (its XSRF-TOKEN cookie) in the X-XSRF-TOKEN header.
     */
    public HttpResponse<String> postAsWebapp(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", webappToken()).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A form POST as a Camunda webapp's login form sends it, with Camunda's CSRF token. */
    public HttpResponse<String> postAsWebappForm(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", webappToken()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String webappToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    }

    /** The session cookie's value, or null before there is one. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
