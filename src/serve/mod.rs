//! `bitext serve`: the translators' and editors' workspace in a web browser, over the same files,
//! lock and states as the command line (SPEC section 11).
//!
//! - [`auth`]: who may enter (a one-time token on loopback, or handles and argon2 passwords),
//!   sessions and their CSRF tokens, the brake on guessed passwords;
//! - [`views`]: the records the pages and the JSON API show, read from disk at every request, so
//!   that a change by the CLI or `git pull` shows without a restart;
//! - [`pages`] and [`api`]: the HTML pages (forms that work without JavaScript) and `/api/`;
//! - [`git`]: with `--git`, each save committed with its person as author.
//!
//! Every save goes through [`crate::translate::set_seen`]: under the project lock, and only when
//! the English and the translation are still what the person saw (else HTTP 409 with both).

pub mod api;
pub mod auth;
pub mod cache;
pub mod git;
pub mod pages;
pub mod views;

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::actor::Actor;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::tm::Memory;

use auth::{Brake, Session, Sessions};

/// How the server is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to listen (default 127.0.0.1 on a free port).
    pub listen: SocketAddr,
    /// The auth file of team mode (`handle = "<argon2 hash>"` lines), outside the project.
    pub auth: Option<PathBuf>,
    /// Commit every save, with its person as author.
    pub git: bool,
}

/// Who may enter.
enum Mode {
    /// Loopback: whoever opens the URL with the token acts as the person who started the server.
    Token {
        token: Mutex<Option<String>>,
        handle: String,
    },
    /// Team mode: people log in with their handle and password.
    Team { passwords: HashMap<String, String> },
}

/// The running server's state.
pub struct App {
    root: PathBuf,
    mode: Mode,
    sessions: Sessions,
    brake: Brake,
    /// The `Host` header values accepted (against DNS rebinding).
    hosts: Vec<String>,
    git: bool,
    /// Saves and their commits one at a time, when committing.
    git_turn: Mutex<()>,
    /// Why the last save was not committed, for the dashboard.
    git_problem: Mutex<Option<String>>,
    /// Each locale's translation memory.
    memories: cache::Memories,
    /// Each article's status, for the dashboard.
    statuses: cache::Statuses,
    templates: minijinja::Environment<'static>,
}

const SESSION_COOKIE: &str = "bitext_session";

/// A server bound to its address, not yet serving.
pub struct Bound {
    listener: TcpListener,
    app: Arc<App>,
    /// The address to open: with the one-time token on loopback, the login page in team mode.
    pub url: String,
    pub addr: SocketAddr,
}

/// Binds the server for `project`. On anything but loopback, `options.auth` is required.
/// `actor` is who the token's holder acts as (the person who runs the server).
pub fn bind(project: &Project, options: &Options, actor: &Actor) -> Result<Bound> {
    let loopback = options.listen.ip().is_loopback();
    let mode = match &options.auth {
        Some(path) => {
            if std::path::absolute(path)
                .is_ok_and(|p| crate::store::policy::normalize(&p).starts_with(&project.root))
            {
                return Err(Error::file(
                    path,
                    "the auth file is inside the project, where git would publish the password \
                     hashes: keep it outside",
                ));
            }
            let passwords = auth::read_auth_file(path)?;
            if passwords.is_empty() {
                return Err(Error::file(
                    path,
                    "nobody can log in: add people with `bitext passwd HANDLE --auth FILE`",
                ));
            }
            Mode::Team { passwords }
        }
        None if !loopback => {
            return Err(Error::Usage(format!(
                "--listen {}: anyone on the network could write translations; give --auth FILE \
                 (people and passwords, see `bitext passwd`) to listen beyond this machine",
                options.listen
            )))
        }
        None => Mode::Token {
            token: Mutex::new(Some(auth::random_token())),
            handle: actor.handle.clone(),
        },
    };
    let listener = TcpListener::bind(options.listen)
        .map_err(|e| Error::Usage(format!("--listen {}: {e}", options.listen)))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::Usage(format!("--listen {}: {e}", options.listen)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Usage(e.to_string()))?;
    let mut hosts = vec![addr.to_string()];
    if loopback {
        hosts.push(format!("localhost:{}", addr.port()));
        hosts.push(format!("127.0.0.1:{}", addr.port()));
        hosts.push(format!("[::1]:{}", addr.port()));
    }
    let url = match &mode {
        Mode::Token { token, .. } => format!(
            "http://{addr}/?token={}",
            token
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .as_deref()
                .unwrap_or("")
        ),
        Mode::Team { .. } => format!("http://{addr}/login"),
    };
    let app = App {
        root: project.root.clone(),
        mode,
        sessions: Sessions::default(),
        brake: Brake::default(),
        hosts,
        git: options.git,
        git_turn: Mutex::new(()),
        git_problem: Mutex::new(None),
        memories: cache::Memories::default(),
        statuses: cache::Statuses::default(),
        templates: pages::templates(),
    };
    Ok(Bound {
        listener,
        app: Arc::new(app),
        url,
        addr,
    })
}

impl Bound {
    /// Serves until the process is stopped (Ctrl+C or a signal).
    pub fn run(self) -> Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Usage(format!("starting the server: {e}")))?;
        let app = self.app.clone();
        // Build the memories before the first workspace asks for them.
        std::thread::spawn(move || {
            if let Ok(project) = app.project() {
                for locale in &project.config.targets {
                    let _ = app.memory(&project, locale);
                }
            }
        });
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener)
                .map_err(|e| Error::Usage(e.to_string()))?;
            axum::serve(
                listener,
                router(self.app).into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Error::Usage(format!("serving: {e}")))
        })
    }
}

fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(pages::dashboard))
        .route("/login", get(pages::login_page).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/queue/{locale}", get(pages::queue))
        .route("/review/{locale}", get(pages::review))
        .route("/article/{locale}/{*slug}", get(pages::article))
        .route("/save", post(pages::save))
        .route("/approve", post(pages::approve))
        .route("/reject", post(pages::reject))
        .route("/search", get(pages::search))
        .route("/assets/{name}", get(pages::asset))
        .route("/api/login", post(api::login))
        .route("/api/status", get(api::status))
        .route("/api/article/{locale}/{*slug}", get(api::article))
        .route("/api/save", post(api::save))
        .route("/api/approve", post(api::approve))
        .route("/api/reject", post(api::reject))
        .route("/api/tm", get(api::tm))
        .route("/api/search", get(api::search))
        .layer(axum::middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Refuses a request for another host name (DNS rebinding), and sends every response with the
/// security headers: a Content-Security-Policy that allows no inline script and nothing from
/// another origin, no framing, no sniffing, no referrer (the token is in a URL).
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let mut response = if app.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        next.run(request).await
    } else {
        (
            StatusCode::MISDIRECTED_REQUEST,
            format!("this server does not answer for the host \"{host}\"\n"),
        )
            .into_response()
    };
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
         connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    response
}

/// Why a request failed: an HTTP status and a message for a person.
#[derive(Debug)]
pub struct Failure {
    pub status: StatusCode,
    pub message: String,
}

impl Failure {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    fn unauthorized() -> Failure {
        Failure::new(
            StatusCode::UNAUTHORIZED,
            "not signed in: open the address `bitext serve` printed, or log in",
        )
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        let status = match e {
            Error::Usage(_) => StatusCode::BAD_REQUEST,
            Error::At { .. } | Error::File { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Error::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Failure::new(status, e.to_string())
    }
}

/// A rights refusal ([`Actor::may_translate`], [`Actor::may_review`]) as HTTP 403.
fn forbidden(e: Error) -> Failure {
    Failure::new(StatusCode::FORBIDDEN, e.to_string())
}

impl App {
    fn project(&self) -> Result<Project> {
        let project = Project::open(&self.root)?;
        // bitext.toml may have been edited since the server started: a typo in [check] is an
        // error here as it is for every command.
        crate::check::Settings::parse(&project.config.check, &project.config.targets)?;
        Ok(project)
    }

    /// The session of the request's cookie.
    fn session(&self, headers: &HeaderMap) -> Option<(String, Session)> {
        let id = cookie(headers, SESSION_COOKIE)?;
        let session = self.sessions.get(&id)?;
        Some((id, session))
    }

    /// The signed-in person, or 401.
    fn signed_in(&self, headers: &HeaderMap) -> Result<Session, Failure> {
        self.session(headers)
            .map(|(_, s)| s)
            .ok_or_else(Failure::unauthorized)
    }

    /// The person a session acts as, with the rights of `[people]`.
    fn actor(&self, project: &Project, session: &Session) -> Actor {
        Actor {
            declared: project.config.people.contains_key(&session.handle),
            handle: session.handle.clone(),
            how: "the workspace's login",
        }
    }

    /// The memory of `locale` (see [`cache::Memories`]).
    fn memory(&self, project: &Project, locale: &str) -> Result<Arc<Memory>> {
        self.memories.get(project, locale)
    }

    /// A token's holder signs in (loopback mode): the token works once.
    fn redeem(&self, given: &str) -> Option<String> {
        let Mode::Token { token, handle } = &self.mode else {
            return None;
        };
        let mut token = token.lock().unwrap_or_else(|e| e.into_inner());
        let valid = token
            .as_deref()
            .is_some_and(|t| auth::same_secret(t, given));
        valid.then(|| {
            *token = None;
            self.sessions.open(handle)
        })
    }

    /// Checks a handle and password (team mode); the session id on success.
    fn log_in(&self, client: &str, handle: &str, password: &str) -> Result<String, Failure> {
        let Mode::Team { passwords } = &self.mode else {
            return Err(Failure::new(
                StatusCode::NOT_FOUND,
                "this server has no logins: open the address `bitext serve` printed",
            ));
        };
        if let Err(wait) = self.brake.check(client) {
            return Err(Failure::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!("too many wrong passwords: try again in {wait} s"),
            ));
        }
        let ok = passwords
            .get(handle)
            .is_some_and(|hash| auth::verify_password(password, hash));
        if !ok {
            self.brake.failed(client);
            return Err(Failure::new(
                StatusCode::UNAUTHORIZED,
                "unknown handle or wrong password",
            ));
        }
        self.brake.succeeded(client);
        Ok(self.sessions.open(handle))
    }

    fn team(&self) -> bool {
        matches!(self.mode, Mode::Team { .. })
    }
}

/// The value of cookie `name` in the request.
fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The `Set-Cookie` value that opens session `id`.
fn session_cookie(id: &str) -> String {
    format!("{SESSION_COOKIE}={id}; HttpOnly; SameSite=Strict; Path=/")
}

/// The `Set-Cookie` value that ends the session.
fn cleared_cookie() -> String {
    format!("{SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")
}

/// Runs file work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|e| {
        Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            e.to_string(),
        ))
    })
}

/// A save asked for by a page or the API.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct SaveRequest {
    pub locale: String,
    pub slug: String,
    pub id: String,
    pub text: String,
    /// What the person was looking at.
    pub seen: SeenRequest,
}

/// The English and the translation (`null`: none) the person saw.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct SeenRequest {
    pub english: String,
    pub translation: Option<String>,
}

/// What a save did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SaveReply {
    pub locale: String,
    pub slug: String,
    pub id: String,
    #[serde(serialize_with = "crate::state::name_only")]
    pub state: crate::state::State,
    pub translation: String,
    pub translator: String,
    pub findings: Vec<views::Finding>,
    /// Whether it was committed (with `--git`), and why not when it was not.
    pub committed: Option<bool>,
    pub not_committed: Option<String>,
}

/// Saves a translation for `session`'s person, unless the English or the translation changed
/// since the person saw them: then the conflict comes back, and nothing is written.
fn save(
    app: &App,
    session: &Session,
    request: SaveRequest,
) -> Result<Result<SaveReply, crate::translate::Conflict>, Failure> {
    let project = app.project()?;
    let locale = project.target(&request.locale)?;
    let slug = project
        .synced_slug(&request.slug)
        .map_err(|e| Failure::new(StatusCode::NOT_FOUND, e.to_string()))?;
    let actor = app.actor(&project, session);
    actor.may_translate(&project, &locale).map_err(forbidden)?;
    // A browser sends a textarea's line breaks as CR LF.
    let text = request.text.replace("\r\n", "\n");
    let pieces = vec![crate::store::escape::Piece::Text(text.clone())];
    let seen = crate::translate::Seen {
        english: request.seen.english.replace("\r\n", "\n"),
        translation: request.seen.translation.map(|t| t.replace("\r\n", "\n")),
    };
    let paths = [
        project.locale_path(&locale, &slug),
        project.journal_path(&locale, &slug),
    ];
    let turn = app
        .git
        .then(|| app.git_turn.lock().unwrap_or_else(|e| e.into_inner()));
    let blocked = app
        .git
        .then(|| git::blocked(&project.root, &paths))
        .flatten();
    let saved = crate::translate::set_seen(
        &project,
        &actor,
        &locale,
        &slug,
        &request.id,
        pieces.clone(),
        &seen,
    )?;
    let saved = match saved {
        Ok(saved) => saved,
        Err(conflict) => return Ok(Err(conflict)),
    };
    app.memories.saved(&locale);
    let (committed, not_committed) = if app.git {
        let result = match blocked {
            Some(why) => Err(why),
            None => {
                let person = actor.person(&project);
                let name = person
                    .and_then(|p| p.name.clone())
                    .unwrap_or_else(|| actor.handle.clone());
                let email = person.and_then(|p| p.email.clone()).unwrap_or_default();
                let message = format!(
                    "{locale} {slug} {}: translated by {}",
                    request.id, actor.handle
                );
                git::commit(
                    &project.root,
                    &saved.written,
                    &format!("{name} <{email}>"),
                    &message,
                )
            }
        };
        *app.git_problem.lock().unwrap_or_else(|e| e.into_inner()) = result.clone().err();
        (Some(result.is_ok()), result.err())
    } else {
        (None, None)
    };
    drop(turn);
    let (checker, _) = crate::check::Checker::new(&project, std::slice::from_ref(&locale))?;
    let findings = views::findings(&checker, &locale, &seen.english, &pieces);
    Ok(Ok(SaveReply {
        locale,
        slug,
        id: request.id,
        state: crate::state::State::Current,
        translation: text,
        translator: actor.handle,
        findings,
        committed,
        not_committed,
    }))
}

/// Approves (`note` none) or rejects a translation as `session`'s person.
fn judge(
    app: &App,
    session: &Session,
    locale: &str,
    slug: &str,
    id: &str,
    note: Option<&str>,
) -> Result<(), Failure> {
    let project = app.project()?;
    let locale = project.target(locale)?;
    let slug = project
        .synced_slug(slug)
        .map_err(|e| Failure::new(StatusCode::NOT_FOUND, e.to_string()))?;
    let actor = app.actor(&project, session);
    actor.may_review(&project, &locale).map_err(forbidden)?;
    let files =
        crate::article_files::ArticleFiles::read(&project, &slug, std::slice::from_ref(&locale))?;
    let by = files
        .locale(&locale)
        .and_then(|f| f.translation(id))
        .and_then(|t| t.signoff?.by);
    if note.is_none() && by.as_deref() == Some(actor.handle.as_str()) {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            format!(
                "{locale} {slug} {id} is {}'s own translation: nobody approves their own",
                actor.handle
            ),
        ));
    }
    match note {
        None => {
            crate::translate::approve(
                &project,
                &actor,
                &locale,
                std::slice::from_ref(&slug),
                &[id.to_string()],
            )?;
        }
        Some(note) => crate::translate::reject(&project, &actor, &locale, &slug, id, note)?,
    }
    Ok(())
}
