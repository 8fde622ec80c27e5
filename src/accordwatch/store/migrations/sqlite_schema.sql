-- The schema of a new SQLite store, as the migrations make it (accordwatch.store.migrate).
-- Generated: python -m accordwatch.store.migrate snapshot
-- revision: 0005
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)
;
CREATE TABLE ingest_runs (
	id INTEGER NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	status VARCHAR(20) NOT NULL, 
	args JSON NOT NULL, 
	counts JSON NOT NULL, 
	CONSTRAINT pk_ingest_runs PRIMARY KEY (id)
)
;
CREATE TABLE ingest_errors (
	id INTEGER NOT NULL, 
	run_id INTEGER NOT NULL, 
	source TEXT NOT NULL, 
	reason TEXT NOT NULL, 
	at DATETIME NOT NULL, 
	CONSTRAINT pk_ingest_errors PRIMARY KEY (id), 
	CONSTRAINT fk_ingest_errors_run_id_ingest_runs FOREIGN KEY(run_id) REFERENCES ingest_runs (id) ON DELETE CASCADE
)
;
CREATE INDEX ix_ingest_errors_run_id ON ingest_errors (run_id)
;
CREATE TABLE documents (
	pk INTEGER NOT NULL, 
	id VARCHAR(64) NOT NULL, 
	source TEXT NOT NULL, 
	source_name TEXT NOT NULL, 
	media_type VARCHAR(20) NOT NULL, 
	raw TEXT NOT NULL, 
	text TEXT NOT NULL, 
	offsets JSON NOT NULL, 
	removed JSON NOT NULL, 
	meta JSON NOT NULL, 
	title TEXT, 
	publisher TEXT, 
	published TEXT, 
	published_how VARCHAR(20), 
	language VARCHAR(20), 
	words INTEGER NOT NULL, 
	removed_count INTEGER NOT NULL, 
	previous_id VARCHAR(64), 
	run_id INTEGER, 
	ingested_at DATETIME NOT NULL, 
	CONSTRAINT pk_documents PRIMARY KEY (pk), 
	CONSTRAINT uq_documents_id UNIQUE (id), 
	CONSTRAINT fk_documents_run_id_ingest_runs FOREIGN KEY(run_id) REFERENCES ingest_runs (id) ON DELETE SET NULL
)
;
CREATE INDEX ix_documents_source ON documents (source)
;
CREATE INDEX ix_documents_source_name ON documents (source_name)
;
CREATE INDEX ix_documents_previous_id ON documents (previous_id)
;
CREATE TABLE spans (
	id INTEGER NOT NULL, 
	doc_id VARCHAR(64) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	label TEXT NOT NULL, 
	rule_id TEXT NOT NULL, 
	confidence FLOAT NOT NULL, 
	attrs JSON NOT NULL, 
	CONSTRAINT pk_spans PRIMARY KEY (id), 
	CONSTRAINT fk_spans_doc_id_documents FOREIGN KEY(doc_id) REFERENCES documents (id) ON DELETE CASCADE
)
;
CREATE INDEX ix_spans_doc_id_kind ON spans (doc_id, kind)
;
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')
;
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END
;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); END
;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END
;
CREATE TABLE fused_items (
	id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	item_id VARCHAR(80) NOT NULL, 
	position INTEGER NOT NULL, 
	data JSON NOT NULL, 
	CONSTRAINT pk_fused_items PRIMARY KEY (id)
)
;
CREATE INDEX ix_fused_items_kind_position ON fused_items (kind, position)
;
CREATE TABLE fused_state (
	id INTEGER NOT NULL, 
	computed_at DATETIME NOT NULL, 
	as_of VARCHAR(10) NOT NULL, 
	fingerprint JSON NOT NULL, 
	CONSTRAINT pk_fused_state PRIMARY KEY (id)
)
;
CREATE TABLE event_index (
	span_id INTEGER NOT NULL, 
	doc_id VARCHAR(64) NOT NULL, 
	event_type TEXT NOT NULL, 
	day_start VARCHAR(10), 
	day_end VARCHAR(10), 
	CONSTRAINT pk_event_index PRIMARY KEY (span_id), 
	CONSTRAINT fk_event_index_span_id_spans FOREIGN KEY(span_id) REFERENCES spans (id) ON DELETE CASCADE
)
;
CREATE INDEX ix_event_index_doc_id ON event_index (doc_id)
;
CREATE INDEX ix_event_index_day_start_span_id ON event_index (day_start, span_id)
;
CREATE INDEX ix_event_index_event_type_day_start ON event_index (event_type, day_start)
;
CREATE TABLE event_actors (
	span_id INTEGER NOT NULL, 
	actor TEXT NOT NULL, 
	role VARCHAR(10) NOT NULL, 
	day_start VARCHAR(10), 
	CONSTRAINT pk_event_actors PRIMARY KEY (span_id, actor), 
	CONSTRAINT fk_event_actors_span_id_spans FOREIGN KEY(span_id) REFERENCES spans (id) ON DELETE CASCADE
)
;
CREATE INDEX ix_event_actors_actor_day_start_span_id ON event_actors (actor, day_start, span_id)
;
CREATE TABLE review_decisions (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	who VARCHAR(200) NOT NULL, 
	action VARCHAR(20) NOT NULL, 
	target_kind VARCHAR(20) NOT NULL, 
	target VARCHAR(400) NOT NULL, 
	value JSON NOT NULL, 
	reason TEXT NOT NULL, 
	evidence JSON NOT NULL, 
	CONSTRAINT pk_review_decisions PRIMARY KEY (id)
)
;
CREATE INDEX ix_review_decisions_target_kind_target ON review_decisions (target_kind, target)
;
INSERT INTO alembic_version (version_num) VALUES ('0005')
;
