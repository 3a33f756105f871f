//! A few requests over a real socket on 127.0.0.1, port chosen by the system.

mod common;

use common::{fixture, LOST_BULLET};
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// `GET path` over HTTP/1.1: the status code, the headers and the body.
async fn http_get(addr: SocketAddr, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_answers_on_a_real_port_and_stops() {
    let f = fixture(&[]);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(filmgraph_server::serve(listener, f.state.clone(), async {
        let _ = stopped.await;
    }));

    let (status, head, body) = http_get(addr, "/healthz").await;
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/json"));
    assert!(head.contains("content-security-policy: default-src 'self'"));
    assert!(body.contains("\"status\":\"ok\""), "{body}");

    let (status, _, body) = http_get(addr, "/api/search?q=balle%20perdue&limit=1").await;
    assert_eq!(status, 200);
    assert!(body.contains(LOST_BULLET), "{body}");

    let (status, head, body) = http_get(addr, &format!("/films/{LOST_BULLET}")).await;
    assert_eq!(status, 200);
    assert!(head.contains("text/html"));
    assert!(body.contains("Alban Lenoir"));

    let (status, _, body) = http_get(addr, "/api/people/person:nobody").await;
    assert_eq!(status, 404);
    assert!(body.starts_with("{\"error\":"), "{body}");

    // Requests in parallel share the store pool.
    let replies = futures_join(addr).await;
    assert!(replies.iter().all(|s| *s == 200), "{replies:?}");

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}

async fn futures_join(addr: SocketAddr) -> Vec<u16> {
    let mut tasks = Vec::new();
    for i in 0..16 {
        let path = if i % 2 == 0 {
            format!("/api/films/{LOST_BULLET}")
        } else {
            "/api/search?q=lost".to_string()
        };
        tasks.push(tokio::spawn(async move { http_get(addr, &path).await.0 }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}
