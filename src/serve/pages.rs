//! The HTML pages: each works as plain forms without JavaScript; `app.js` adds the keyboard flow,
//! saving in place and live updates. Templates escape every value (minijinja's automatic
//! escaping for `.html`), so a translation holding markup shows as text.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Form, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::{context, Environment, Value};
use serde::Deserialize;

use super::auth::Session;
use super::{blocking, App, Failure, SaveRequest, SeenRequest};

const TEMPLATES: [(&str, &str); 9] = [
    ("base.html", include_str!("templates/base.html")),
    ("dashboard.html", include_str!("templates/dashboard.html")),
    ("queue.html", include_str!("templates/queue.html")),
    ("article.html", include_str!("templates/article.html")),
    ("review.html", include_str!("templates/review.html")),
    ("search.html", include_str!("templates/search.html")),
    ("login.html", include_str!("templates/login.html")),
    ("conflict.html", include_str!("templates/conflict.html")),
    ("error.html", include_str!("templates/error.html")),
];

/// The page templates, parsed once.
pub fn templates() -> Environment<'static> {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .expect("the embedded templates parse");
    }
    env.add_filter("language", |code: String| language_name(&code).to_string());
    env
}

/// A language's name in itself, for menus and headings.
fn language_name(code: &str) -> &str {
    match code.split('-').next().unwrap_or(code) {
        "en" => "English",
        "ko" => "한국어",
        "kk" => "Қазақ тілі",
        "ru" => "Русский",
        _ => code,
    }
}

/// Renders `name` with `ctx` and the values every page has.
fn render(app: &App, session: Option<&Session>, name: &str, ctx: Value) -> Response {
    let project = app.project().ok();
    let locales: Vec<String> = project
        .as_ref()
        .map(|p| p.config.targets.clone())
        .unwrap_or_default();
    let me = session.map(|s| {
        let person = project
            .as_ref()
            .and_then(|p| p.config.people.get(&s.handle));
        let translates = person.map(|p| p.translates.clone());
        let reviews = person.map(|p| p.reviews.clone());
        let everything = project.as_ref().is_some_and(|p| p.config.people.is_empty());
        context! {
            handle => s.handle.clone(),
            name => person.and_then(|p| p.name.clone()).unwrap_or_else(|| s.handle.clone()),
            translates => if everything { locales.clone() } else { translates.unwrap_or_default() },
            reviews => if everything { locales.clone() } else { reviews.unwrap_or_default() },
        }
    });
    let base = context! {
        me => me,
        csrf => session.map(|s| s.csrf.clone()),
        team => app.team(),
        locales => locales,
    };
    let template = app.templates.get_template(name).expect("embedded template");
    match template.render(context! { ..ctx, ..base }) {
        Ok(html) => Html(html).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the page {name} could not be made: {e}\n"),
        )
            .into_response(),
    }
}

/// A failure as a page.
fn failure_page(app: &App, session: Option<&Session>, failure: Failure) -> Response {
    let status = failure.status;
    let mut response = render(
        app,
        session,
        "error.html",
        context! { status => status.as_u16(), message => failure.message },
    );
    *response.status_mut() = status;
    response
}

/// The signed-in person for a page, or the 401 page (with the login form in team mode).
#[allow(clippy::result_large_err)] // the page is the answer, as axum returns it
fn page_session(app: &App, headers: &HeaderMap) -> Result<Session, Response> {
    app.signed_in(headers).map_err(|failure| {
        let mut response = if app.team() {
            render(
                app,
                None,
                "login.html",
                context! { message => failure.message },
            )
        } else {
            failure_page(app, None, failure)
        };
        *response.status_mut() = StatusCode::UNAUTHORIZED;
        response
    })
}

/// The session of a form post, whose `csrf` field must be the session's token.
#[allow(clippy::result_large_err)] // the page is the answer, as axum returns it
fn form_session(
    app: &App,
    headers: &HeaderMap,
    form: &HashMap<String, String>,
) -> Result<Session, Response> {
    let session = page_session(app, headers)?;
    let given = form.get("csrf").map(String::as_str).unwrap_or("");
    if !super::auth::same_secret(given, &session.csrf) {
        return Err(failure_page(
            app,
            Some(&session),
            Failure::new(
                StatusCode::FORBIDDEN,
                "this form has no valid CSRF token: reload the page and try again",
            ),
        ));
    }
    Ok(session)
}

fn field<'f>(form: &'f HashMap<String, String>, name: &str) -> &'f str {
    form.get(name).map(String::as_str).unwrap_or("")
}

#[derive(Deserialize, Default)]
pub struct DashboardQuery {
    token: Option<String>,
    locale: Option<String>,
    state: Option<String>,
    page: Option<usize>,
}

const PER_PAGE: usize = 100;

/// `GET /`: the editor's dashboard; `/?token=…` signs in the holder of the one-time token.
pub async fn dashboard(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<DashboardQuery>,
) -> Response {
    if let Some(token) = &query.token {
        return match app.redeem(token) {
            Some(id) => (
                [(header::SET_COOKIE, super::session_cookie(&id))],
                Redirect::to("/"),
            )
                .into_response(),
            None => failure_page(
                &app,
                None,
                Failure::new(
                    StatusCode::UNAUTHORIZED,
                    "this token was used already or is wrong: the address `bitext serve` prints \
                     signs in once; start it again for a new one",
                ),
            ),
        };
    }
    let session = match page_session(&app, &headers) {
        Ok(s) => s,
        Err(page) => return page,
    };
    let filter = super::views::DashboardFilter {
        locale: query.locale.clone().filter(|l| !l.is_empty()),
        state: query.state.clone().filter(|s| !s.is_empty()),
        page: query.page.unwrap_or(0),
        per_page: PER_PAGE,
    };
    let view = {
        let app = app.clone();
        blocking(move || {
            let project = app.project()?;
            if let Some(locale) = &filter.locale {
                project.target(locale)?;
            }
            Ok(super::views::dashboard(&project, &filter, &app.statuses)?)
        })
        .await
    };
    let git = app
        .git
        .then(|| {
            let problem = app
                .git_problem
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            problem.or_else(|| super::git::report(&app.root))
        })
        .flatten();
    match view {
        Ok(view) => {
            let page = query.page.unwrap_or(0);
            let pages = view.matched.div_ceil(PER_PAGE);
            render(
                &app,
                Some(&session),
                "dashboard.html",
                context! {
                    view => Value::from(minijinja::value::Serde(&view)),
                    locale => query.locale,
                    state => query.state,
                    page => page,
                    pages => pages,
                    git => git,
                },
            )
        }
        Err(failure) => failure_page(&app, Some(&session), failure),
    }
}

/// `GET /login`.
pub async fn login_page(State(app): State<Arc<App>>) -> Response {
    render(&app, None, "login.html", context! {})
}

/// `POST /login` (team mode): handle and password.
pub async fn login(
    State(app): State<Arc<App>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let handle = field(&form, "handle").trim().to_string();
    match app.log_in(&client.ip().to_string(), &handle, field(&form, "password")) {
        Ok(id) => (
            [(header::SET_COOKIE, super::session_cookie(&id))],
            Redirect::to("/"),
        )
            .into_response(),
        Err(failure) => {
            let status = failure.status;
            let mut page = render(
                &app,
                None,
                "login.html",
                context! { message => failure.message, handle => handle },
            );
            *page.status_mut() = status;
            page
        }
    }
}

/// `POST /logout`.
pub async fn logout(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if let Err(page) = form_session(&app, &headers, &form) {
        return page;
    }
    if let Some((id, _)) = app.session(&headers) {
        app.sessions.close(&id);
    }
    (
        [(header::SET_COOKIE, super::cleared_cookie())],
        Redirect::to(if app.team() { "/login" } else { "/" }),
    )
        .into_response()
}

/// How many segments the queue shows at most.
const QUEUE_LENGTH: usize = 300;

/// `GET /queue/LOCALE`: the translator's queue, todo across articles, newest first.
pub async fn queue(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(locale): Path<String>,
) -> Response {
    let session = match page_session(&app, &headers) {
        Ok(s) => s,
        Err(page) => return page,
    };
    let work = {
        let app = app.clone();
        blocking(move || {
            let project = app.project()?;
            let locale = project.target(&locale)?;
            let mut slugs = project.synced_slugs()?;
            slugs.sort_by(|a, b| b.cmp(a));
            let todo = crate::todo::todo(&project, &locale, &slugs, None)?;
            Ok(todo)
        })
        .await
    };
    match work {
        Ok(mut todo) => {
            let more = todo.items.len().saturating_sub(QUEUE_LENGTH);
            todo.items.truncate(QUEUE_LENGTH);
            render(
                &app,
                Some(&session),
                "queue.html",
                context! { locale => todo.locale.clone(), todo => Value::from(minijinja::value::Serde(&todo)), more => more },
            )
        }
        Err(failure) => failure_page(&app, Some(&session), failure),
    }
}

/// `GET /review/LOCALE`: the reviewer's queue, current translations not yet approved.
pub async fn review(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path(locale): Path<String>,
) -> Response {
    let session = match page_session(&app, &headers) {
        Ok(s) => s,
        Err(page) => return page,
    };
    let work = {
        let app = app.clone();
        blocking(move || {
            let project = app.project()?;
            let locale = project.target(&locale)?;
            let items = super::views::review_queue(&project, &locale)?;
            Ok((locale, items))
        })
        .await
    };
    match work {
        Ok((locale, mut items)) => {
            let more = items.len().saturating_sub(QUEUE_LENGTH);
            items.truncate(QUEUE_LENGTH);
            render(
                &app,
                Some(&session),
                "review.html",
                context! { items => Value::from(minijinja::value::Serde(&items)), more => more, locale => locale },
            )
        }
        Err(failure) => failure_page(&app, Some(&session), failure),
    }
}

/// `GET /article/LOCALE/SLUG`: the article workspace.
pub async fn article(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path((locale, slug)): Path<(String, String)>,
) -> Response {
    let session = match page_session(&app, &headers) {
        Ok(s) => s,
        Err(page) => return page,
    };
    let view = {
        let app = app.clone();
        blocking(move || super::api::workspace(&app, &locale, &slug)).await
    };
    match view {
        Ok(view) => render(
            &app,
            Some(&session),
            "article.html",
            context! { view => Value::from(minijinja::value::Serde(&view)) },
        ),
        Err(failure) => failure_page(&app, Some(&session), failure),
    }
}

/// `POST /save` (a form): saves and goes back to the article at the next segment that needs
/// work, or shows the conflict (HTTP 409) with both versions.
pub async fn save(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let session = match form_session(&app, &headers, &form) {
        Ok(s) => s,
        Err(page) => return page,
    };
    let request = SaveRequest {
        locale: field(&form, "locale").to_string(),
        slug: field(&form, "slug").to_string(),
        id: field(&form, "id").to_string(),
        text: field(&form, "text").to_string(),
        seen: SeenRequest {
            english: field(&form, "seen_english").to_string(),
            translation: (field(&form, "seen_had") == "1")
                .then(|| field(&form, "seen_translation").to_string()),
        },
    };
    let outcome = {
        let (app, session, request) = (app.clone(), session.clone(), request.clone());
        blocking(move || super::save(&app, &session, request)).await
    };
    match outcome {
        Ok(Ok(saved)) => {
            let target = format!(
                "/article/{}/{}#seg-{}",
                saved.locale,
                saved.slug,
                next_after(&app, &saved.locale, &saved.slug, &saved.id)
                    .await
                    .unwrap_or(saved.id.clone())
            );
            Redirect::to(&target).into_response()
        }
        Ok(Err(conflict)) => {
            let mut page = render(
                &app,
                Some(&session),
                "conflict.html",
                context! { mine => Value::from(minijinja::value::Serde(&request)), theirs => Value::from(minijinja::value::Serde(&conflict)) },
            );
            *page.status_mut() = StatusCode::CONFLICT;
            page
        }
        Err(failure) => failure_page(&app, Some(&session), failure),
    }
}

/// The next segment after `id` (in document order) that needs work, from the top again after
/// the last.
async fn next_after(app: &Arc<App>, locale: &str, slug: &str, id: &str) -> Option<String> {
    let (app, locale, slug, id) = (
        app.clone(),
        locale.to_string(),
        slug.to_string(),
        id.to_string(),
    );
    blocking(move || {
        let project = app.project()?;
        let files = crate::article_files::ArticleFiles::read(
            &project,
            &slug,
            std::slice::from_ref(&locale),
        )?;
        let history = files.history();
        let Some(file) = files.locale(&locale) else {
            return Ok(None);
        };
        let ids: Vec<&str> = history.current().into_iter().map(|(id, _)| id).collect();
        let here = ids.iter().position(|i| *i == id).unwrap_or(0);
        let todo = |i: &&&str| !file.state(history, i).is_current();
        let next = ids[here + 1..]
            .iter()
            .find(todo)
            .or_else(|| ids[..here].iter().find(todo));
        Ok(next.map(|i| i.to_string()))
    })
    .await
    .ok()
    .flatten()
}

/// `POST /approve` (a form).
pub async fn approve(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    judge(app, headers, form, false).await
}

/// `POST /reject` (a form with a `note`).
pub async fn reject(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    judge(app, headers, form, true).await
}

async fn judge(
    app: Arc<App>,
    headers: HeaderMap,
    form: HashMap<String, String>,
    reject: bool,
) -> Response {
    let session = match form_session(&app, &headers, &form) {
        Ok(s) => s,
        Err(page) => return page,
    };
    let locale = field(&form, "locale").to_string();
    let note = reject.then(|| field(&form, "note").to_string());
    let outcome = {
        let (app, session, form) = (app.clone(), session.clone(), form.clone());
        blocking(move || {
            super::judge(
                &app,
                &session,
                field(&form, "locale"),
                field(&form, "slug"),
                field(&form, "id"),
                note.as_deref(),
            )
        })
        .await
    };
    match outcome {
        Ok(()) => {
            let back = match field(&form, "back") {
                "article" => format!(
                    "/article/{locale}/{}#seg-{}",
                    field(&form, "slug"),
                    field(&form, "id")
                ),
                _ => format!("/review/{locale}"),
            };
            Redirect::to(&back).into_response()
        }
        Err(failure) => failure_page(&app, Some(&session), failure),
    }
}

/// How many search hits a page shows at most.
const HITS: usize = 200;

/// `GET /search?q=…`: a concordance over the English and the translations.
pub async fn search(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<super::api::SearchQuery>,
) -> Response {
    let session = match page_session(&app, &headers) {
        Ok(s) => s,
        Err(page) => return page,
    };
    if query.q.trim().is_empty() {
        return render(&app, Some(&session), "search.html", context! {});
    }
    let (q, locale, regex) = (query.q.clone(), query.locale.clone(), query.regex);
    let found = {
        let app = app.clone();
        blocking(move || super::api::run_search(&app, &query)).await
    };
    match found {
        Ok(mut found) => {
            let more = found.hits.len().saturating_sub(HITS);
            found.hits.truncate(HITS);
            render(
                &app,
                Some(&session),
                "search.html",
                context! { q => q, locale => locale, regex => regex, found => Value::from(minijinja::value::Serde(&found)), more => more },
            )
        }
        Err(failure) => failure_page(&app, Some(&session), failure),
    }
}

/// `GET /assets/NAME`: the stylesheet and the script, embedded in the binary.
pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "app.css" => (include_str!("assets/app.css"), "text/css; charset=utf-8"),
        "app.js" => (
            include_str!("assets/app.js"),
            "text/javascript; charset=utf-8",
        ),
        _ => return (StatusCode::NOT_FOUND, "no such asset\n").into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "max-age=300"),
        ],
        body,
    )
        .into_response()
}
