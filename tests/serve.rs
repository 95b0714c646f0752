//! `bitext serve` over HTTP: who may enter, CSRF, the Host allow-list, rights, no lost update,
//! markup shown as text. The server is the real binary on the sample project.

mod common;
#[path = "common/http.rs"]
mod http;
#[path = "common/server.rs"]
mod server;

use common::Fixture;
use server::{passwd, serve, Server};

/// One HTTP/1.1 request; the status, the headers (lower-case names) and the body.
fn request(
    server: &Server,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Vec<(String, String)>, String) {
    let reply = http::request(&server.host, method, path, headers, body).expect("a reply");
    (reply.status, reply.headers, reply.body)
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Signs in with the one-time token; the cookie header and the CSRF token.
fn sign_in(server: &Server) -> (String, String) {
    let path = &server.url[server.url.find('/').unwrap()..];
    let (status, headers, _) = request(server, "GET", path, &[], "");
    assert_eq!(status, 303);
    let cookie = header(&headers, "set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let cookie = cookie.split(';').next().unwrap().to_string();
    let (status, _, page) = request(server, "GET", "/", &[("Cookie", &cookie)], "");
    assert_eq!(status, 200);
    let csrf = page
        .split("data-csrf=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    (cookie, csrf)
}

/// The first missing Kazakh segment of the sample's state-visit article: id and English.
fn missing_kk(f: &Fixture) -> (String, String) {
    let json = f.stdout(&["todo", "kk", "2021/08/tokayev-state-visit", "--json"]);
    let todo: serde_json::Value = serde_json::from_str(&json).unwrap();
    let item = todo["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["state"] == "missing")
        .expect("a missing segment");
    (
        item["id"].as_str().unwrap().to_string(),
        item["source"].as_str().unwrap().to_string(),
    )
}

fn save_body(id: &str, english: &str, text: &str, seen: Option<&str>) -> String {
    serde_json::json!({
        "locale": "kk",
        "slug": "2021/08/tokayev-state-visit",
        "id": id,
        "text": text,
        "seen": {"english": english, "translation": seen},
    })
    .to_string()
}

#[test]
fn without_a_session_or_the_token_nothing_is_shown() {
    let f = Fixture::sample();
    let server = serve(&f, "arman-bekov", &[]);
    let (status, _, _) = request(&server, "GET", "/", &[], "");
    assert_eq!(status, 401);
    let (status, _, body) = request(&server, "GET", "/api/status", &[], "");
    assert_eq!(status, 401);
    assert!(body.contains("\"code\":401"), "{body}");
    let (status, _, _) = request(&server, "GET", "/?token=0000", &[], "");
    assert_eq!(status, 401);
    // The token signs in once.
    sign_in(&server);
    let path = &server.url[server.url.find('/').unwrap()..];
    let (status, _, _) = request(&server, "GET", path, &[], "");
    assert_eq!(status, 401);
}

#[test]
fn a_foreign_host_is_refused_and_every_page_has_a_strict_policy() {
    let f = Fixture::sample();
    let server = serve(&f, "arman-bekov", &[]);
    let (cookie, _) = sign_in(&server);
    let (status, _, _) = request(
        &server,
        "GET",
        "/",
        &[("Host", "evil.example"), ("Cookie", &cookie)],
        "",
    );
    assert_eq!(status, 421);
    let (status, headers, _) = request(&server, "GET", "/", &[("Cookie", &cookie)], "");
    assert_eq!(status, 200);
    let policy = header(&headers, "content-security-policy").unwrap();
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"));
}

#[test]
fn a_save_needs_the_csrf_token_and_the_right_to_the_locale() {
    let f = Fixture::sample();
    let (id, english) = missing_kk(&f);
    let body = save_body(&id, &english, "Мәтін.", None);
    let server = serve(&f, "arman-bekov", &[]);
    let (cookie, csrf) = sign_in(&server);
    let json = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
    ];
    let (status, _, _) = request(&server, "POST", "/api/save", &json, &body);
    assert_eq!(status, 403);
    let (status, _, _) = request(
        &server,
        "POST",
        "/api/save",
        &[json[0], json[1], ("X-CSRF-Token", "wrong")],
        &body,
    );
    assert_eq!(status, 403);
    drop(server);
    // park-minho translates Korean only.
    let server = serve(&f, "park-minho", &[]);
    let (cookie, csrf2) = sign_in(&server);
    let headers = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("X-CSRF-Token", csrf2.as_str()),
    ];
    let (status, _, reply) = request(&server, "POST", "/api/save", &headers, &body);
    assert_eq!(status, 403, "{reply}");
    assert!(!f
        .read("locales/kk/2021/08/tokayev-state-visit.ftl")
        .contains("Мәтін."));
    let _ = csrf;
}

#[test]
fn a_save_over_newer_work_is_refused_with_both_versions() {
    let f = Fixture::sample();
    let (id, english) = missing_kk(&f);
    let server = serve(&f, "arman-bekov", &[]);
    let (cookie, csrf) = sign_in(&server);
    let headers = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("X-CSRF-Token", csrf.as_str()),
    ];
    let first = "Тоқаев сапарын аяқтады.";
    let (status, _, reply) = request(
        &server,
        "POST",
        "/api/save",
        &headers,
        &save_body(&id, &english, first, None),
    );
    assert_eq!(status, 200, "{reply}");
    let file = f.read("locales/kk/2021/08/tokayev-state-visit.ftl");
    assert!(file.contains(first), "{file}");
    // A second browser that loaded the page before the first save.
    let (status, _, reply) = request(
        &server,
        "POST",
        "/api/save",
        &headers,
        &save_body(&id, &english, "Басқа нұсқа.", None),
    );
    assert_eq!(status, 409, "{reply}");
    let conflict: serde_json::Value = serde_json::from_str(&reply).unwrap();
    assert_eq!(conflict["translation"], first);
    assert_eq!(conflict["translator"], "arman-bekov");
    let file = f.read("locales/kk/2021/08/tokayev-state-visit.ftl");
    assert!(file.contains(first) && !file.contains("Басқа нұсқа."));
    // The CLI changes it while the page is open: noticed the same way.
    f.bitext(&[
        "set",
        "--as",
        "arman-bekov",
        "kk",
        "2021/08/tokayev-state-visit",
        &id,
        "CLI нұсқасы.",
    ])
    .assert()
    .success();
    let (status, _, _) = request(
        &server,
        "POST",
        "/api/save",
        &headers,
        &save_body(&id, &english, "Үшінші.", Some(first)),
    );
    assert_eq!(status, 409);
}

#[test]
fn markup_in_a_translation_is_shown_as_text() {
    let f = Fixture::sample();
    let (id, english) = missing_kk(&f);
    let server = serve(&f, "arman-bekov", &[]);
    let (cookie, csrf) = sign_in(&server);
    let headers = [
        ("Cookie", cookie.as_str()),
        ("Content-Type", "application/json"),
        ("X-CSRF-Token", csrf.as_str()),
    ];
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>";
    let (status, _, reply) = request(
        &server,
        "POST",
        "/api/save",
        &headers,
        &save_body(&id, &english, hostile, None),
    );
    assert_eq!(status, 200, "{reply}");
    let (status, _, page) = request(
        &server,
        "GET",
        "/article/kk/2021/08/tokayev-state-visit",
        &[("Cookie", &cookie)],
        "",
    );
    assert_eq!(status, 200);
    assert!(!page.contains("<script>alert"), "raw script in the page");
    assert!(!page.contains("<img src=x"), "raw img in the page");
    assert!(
        !page.contains("href=\"javascript:"),
        "a javascript: link in the page"
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    for path in [
        "/article/ru/2021/08/tokayev-state-visit",
        "/queue/kk",
        "/search?q=alert",
    ] {
        let (status, _, page) = request(&server, "GET", path, &[("Cookie", &cookie)], "");
        assert_eq!(status, 200, "{path}");
        assert!(!page.contains("<script>alert"), "{path}");
    }
}

#[test]
fn listening_beyond_loopback_needs_an_auth_file() {
    let f = Fixture::sample();
    let output = f
        .bitext(&["serve", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--auth"), "{stderr}");
}

#[test]
fn team_mode_logs_people_in_with_their_password() {
    let f = Fixture::sample();
    let outside = tempfile::tempdir().unwrap();
    let auth = outside.path().join("auth.toml");
    passwd(&f, &auth, "seo-jiwon", "correct horse battery");
    assert!(std::fs::read_to_string(&auth)
        .unwrap()
        .starts_with("seo-jiwon = \"$argon2"));
    let server = serve(&f, "nobody", &["--auth", auth.to_str().unwrap()]);
    let login = |password: &str| {
        let body = serde_json::json!({"handle": "seo-jiwon", "password": password}).to_string();
        request(
            &server,
            "POST",
            "/api/login",
            &[("Content-Type", "application/json")],
            &body,
        )
    };
    assert_eq!(login("wrong password").0, 401);
    let (status, headers, body) = login("correct horse battery");
    assert_eq!(status, 200, "{body}");
    let cookie = header(&headers, "set-cookie").unwrap();
    let cookie = cookie.split(';').next().unwrap();
    let (status, _, _) = request(&server, "GET", "/queue/ko", &[("Cookie", cookie)], "");
    assert_eq!(status, 200);
    // Five wrong passwords in a minute, and the next attempt waits.
    for _ in 0..5 {
        login("wrong password");
    }
    assert_eq!(login("correct horse battery").0, 429);
}
