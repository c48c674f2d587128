"""The HTTP API: FastAPI over graph/ and queries/ (`intelgraph serve`, or
`uvicorn intelgraph.api.app:create_app --factory`).

Modules are flat: app (create_app, lifespan, middleware), auth (keys and roles),
errors (errors to HTTP, in one place), schemas (bodies), params (driver, paging),
body_limit and access_log (middleware), and one routes_* module per resource.
"""
