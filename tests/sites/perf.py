"""Fixture pages with controlled timing: a delayed LCP image, a late layout shift, a busy main thread,
a slow server."""

from __future__ import annotations

import time

from auditor.demo.httpkit import App, Request, Response

# Chrome ignores low-entropy images (under 0.05 bits per pixel) as LCP candidates, so the hero carries detail.
HERO_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#3a7"/>'
            + "".join(f'<circle cx="{(i * 37) % 800}" cy="{(i * 53) % 600}" r="{5 + i % 40}" fill="#{(i * 2654435761) % 0xFFFFFF:06x}"/>'
                      for i in range(300)) + "</svg>")


def perf_app(server_ms: list[float] | None = None) -> App:
    """`server_ms` receives how long each /slow-server answer took the server itself: its 400 ms sleep plus what
    a starved machine added before the sleeping thread ran again, which the browser cannot tell from the sleep."""
    app = App()

    def slow_server(_request: Request) -> Response:
        started = time.perf_counter()
        time.sleep(0.4)
        if server_ms is not None:
            server_ms.append((time.perf_counter() - started) * 1000)
        return Response("<!doctype html><title>Slow</title><h1>Slow server</h1>")

    app.add("/lcp-delayed", lambda r: Response(
        "<!doctype html><title>LCP</title><body style='margin:0'><p>tiny</p>"
        "<img src='/slow.svg' width='800' height='600' style='display:block'></body>"))
    app.add("/slow.svg", lambda r: Response(HERO_SVG, content_type="image/svg+xml", delay_s=1.5))
    app.add("/late-shift", lambda r: Response(
        "<!doctype html><title>Shift</title><body style='margin:0;font:20px sans-serif'>"
        "<div id='slot'></div>" + "<p>Paragraph of text that will be pushed down.</p>" * 30 +
        "<script>setTimeout(()=>{const d=document.getElementById('slot');d.style.height='400px';"
        "d.style.background='#c00'},800)</script></body>"))
    app.add("/busy", lambda r: Response(
        "<!doctype html><title>Busy</title><body><h1>Busy page</h1><script>"
        # the 300 ms task starts 50 ms after the page's first contentful paint, whenever the machine gets to paint:
        # TBT counts only the part of a long task after FCP, and a first frame a busy machine painted late (inside
        # a task timed from requestAnimationFrame) left it 157 ms on one clean-clone run
        "let busy=false;new PerformanceObserver(l=>{if(busy||!l.getEntries().some(e=>e.name==='first-contentful-paint'))return;"
        "busy=true;setTimeout(()=>{const t=performance.now();while(performance.now()-t<300){}},50)})"
        ".observe({type:'paint',buffered:true})"
        "</script></body>"))
    app.add("/slow-server", slow_server)
    app.add("/fast-server", lambda r: Response("<!doctype html><title>Fast</title><h1>Fast server</h1>"))
    return app
