package dev.oktair.store;

import dev.oktair.errors.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of the case database (documented column by column in docs/case-database.md) and
 * the SQL that fills {@code events} from raw JSON lines with DuckDB's own JSON functions.
 */
final class Schema {
  /** Bumped whenever a column changes meaning; an older database then needs --rebuild. */
  static final int VERSION = 2;

  static final String EVENTS_DDL =
      """
      CREATE TABLE IF NOT EXISTS events (
        uuid VARCHAR, published TIMESTAMP, event_type VARCHAR, severity VARCHAR,
        display_message VARCHAR, legacy_event_type VARCHAR,
        outcome_result VARCHAR, outcome_reason VARCHAR,
        actor_id VARCHAR, actor_type VARCHAR, actor_alternate_id VARCHAR, actor_display_name VARCHAR,
        target_app VARCHAR, target_app_id VARCHAR, target_user VARCHAR, target_user_id VARCHAR,
        targets JSON,
        client_ip VARCHAR, user_agent VARCHAR, browser VARCHAR, os VARCHAR, device VARCHAR,
        zone VARCHAR, country VARCHAR, state VARCHAR, city VARCHAR,
        asn BIGINT, as_org VARCHAR, isp VARCHAR, domain VARCHAR, is_proxy BOOLEAN,
        external_session_id VARCHAR, root_session_id VARCHAR, transaction_id VARCHAR,
        threat_suspected BOOLEAN, request_uri VARCHAR,
        uuid_collision BOOLEAN, evidence_file VARCHAR, evidence_line BIGINT, raw VARCHAR USING COMPRESSION zstd)
      """;

  /** One row per evidence line: which files (so which queries) saw each event. */
  static final String EVIDENCE_LINES_DDL =
      """
      CREATE TABLE IF NOT EXISTS evidence_lines (
        evidence_file VARCHAR NOT NULL, evidence_line BIGINT NOT NULL, uuid VARCHAR,
        first_file VARCHAR NOT NULL, first_line BIGINT NOT NULL)
      """;

  static final String LOADED_FILES_DDL =
      """
      CREATE TABLE IF NOT EXISTS loaded_files (
        name VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL, lines BIGINT NOT NULL, new_events BIGINT NOT NULL,
        source JSON NOT NULL, loaded_at TIMESTAMP NOT NULL)
      """;

  static final String META_DDL = "CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)";

  /**
   * Which fields of the event to parse, as a json_transform structure: every value is read as
   * text (Okta writes numbers and booleans as strings in places), objects as their JSON.
   */
  private static final String SHAPE =
      """
      {"uuid":"VARCHAR","published":"VARCHAR","eventType":"VARCHAR","severity":"VARCHAR",
       "displayMessage":"VARCHAR","legacyEventType":"VARCHAR",
       "outcome":{"result":"VARCHAR","reason":"VARCHAR"},
       "actor":{"id":"VARCHAR","type":"VARCHAR","alternateId":"VARCHAR","displayName":"VARCHAR"},
       "target":"JSON",
       "client":{"ipAddress":"VARCHAR","device":"VARCHAR","zone":"VARCHAR",
         "userAgent":{"rawUserAgent":"VARCHAR","browser":"VARCHAR","os":"VARCHAR"},
         "geographicalContext":{"country":"VARCHAR","state":"VARCHAR","city":"VARCHAR"}},
       "securityContext":{"asNumber":"VARCHAR","asOrg":"VARCHAR","isp":"VARCHAR","domain":"VARCHAR","isProxy":"VARCHAR"},
       "authenticationContext":{"externalSessionId":"VARCHAR","rootSessionId":"VARCHAR"},
       "transaction":{"id":"VARCHAR"},
       "debugContext":{"debugData":{"threatSuspected":"VARCHAR","requestUri":"VARCHAR"}}}
      """.replaceAll("\\s+", "");

  private static final String TARGET_SHAPE =
      "[{\"id\":\"VARCHAR\",\"type\":\"VARCHAR\",\"alternateId\":\"VARCHAR\",\"displayName\":\"VARCHAR\"}]";

  /**
   * Inserts the events of one evidence file from {@code %s}, a relation of (evidence_line, raw);
   * parameter $1 is the evidence file's name. Okta's literal string "null" reads as NULL, as
   * everywhere in okta-ir; published accepts ISO-8601 (any offset) and the SIEM form, as UTC.
   */
  private static final String INSERT =
      """
      INSERT INTO events BY NAME
      WITH src AS (
        SELECT evidence_line, raw, json_transform(raw, '%1$s') AS j FROM (%3$s)
      ), t AS (
        SELECT *, json_transform(j.target, '%2$s') AS tl FROM src
      ), u AS (
        SELECT *, list_filter(tl, x -> x.type = 'AppInstance')[1] AS app, list_filter(tl, x -> x.type = 'User')[1] AS usr
        FROM t
      )
      SELECT
        NULLIF(j.uuid, 'null') AS uuid,
        CASE WHEN suffix(j.published, 'Z') THEN TRY_CAST(j.published AS TIMESTAMP)
             ELSE TRY_CAST(NULLIF(j.published, 'null') AS TIMESTAMPTZ)::TIMESTAMP END AS published,
        NULLIF(j.eventType, 'null') AS event_type,
        NULLIF(j.severity, 'null') AS severity,
        NULLIF(j.displayMessage, 'null') AS display_message,
        NULLIF(j.legacyEventType, 'null') AS legacy_event_type,
        NULLIF(j.outcome.result, 'null') AS outcome_result,
        NULLIF(j.outcome.reason, 'null') AS outcome_reason,
        NULLIF(j.actor.id, 'null') AS actor_id,
        NULLIF(j.actor.type, 'null') AS actor_type,
        NULLIF(j.actor.alternateId, 'null') AS actor_alternate_id,
        NULLIF(j.actor.displayName, 'null') AS actor_display_name,
        NULLIF(app.displayName, 'null') AS target_app,
        NULLIF(app.id, 'null') AS target_app_id,
        NULLIF(usr.alternateId, 'null') AS target_user,
        NULLIF(usr.id, 'null') AS target_user_id,
        j.target AS targets,
        NULLIF(j.client.ipAddress, 'null') AS client_ip,
        NULLIF(j.client.userAgent.rawUserAgent, 'null') AS user_agent,
        NULLIF(j.client.userAgent.browser, 'null') AS browser,
        NULLIF(j.client.userAgent.os, 'null') AS os,
        NULLIF(j.client.device, 'null') AS device,
        NULLIF(j.client.zone, 'null') AS zone,
        NULLIF(j.client.geographicalContext.country, 'null') AS country,
        NULLIF(j.client.geographicalContext.state, 'null') AS state,
        NULLIF(j.client.geographicalContext.city, 'null') AS city,
        TRY_CAST(trim(j.securityContext.asNumber) AS BIGINT) AS asn,
        NULLIF(j.securityContext.asOrg, 'null') AS as_org,
        NULLIF(j.securityContext.isp, 'null') AS isp,
        NULLIF(j.securityContext.domain, 'null') AS domain,
        CASE WHEN NULLIF(j.securityContext.isProxy, 'null') IS NULL THEN NULL
             ELSE lower(j.securityContext.isProxy) = 'true' END AS is_proxy,
        NULLIF(j.authenticationContext.externalSessionId, 'null') AS external_session_id,
        NULLIF(j.authenticationContext.rootSessionId, 'null') AS root_session_id,
        NULLIF(j.transaction.id, 'null') AS transaction_id,
        CASE WHEN NULLIF(j.debugContext.debugData.threatSuspected, 'null') IS NULL THEN NULL
             ELSE lower(j.debugContext.debugData.threatSuspected) = 'true' END AS threat_suspected,
        NULLIF(j.debugContext.debugData.requestUri, 'null') AS request_uri,
        false AS uuid_collision,
        $1::VARCHAR AS evidence_file,
        evidence_line,
        raw
      FROM u
      """;

  /**
   * The fast source: the file's lines as DuckDB's CSV reader splits them, on every core, not yet
   * numbered (a row number here would run the whole load on one thread). Parameter $2 is the
   * file's path. \1 never occurs in JSON text, so a whole line is one field; the loader checks
   * the split against the hash pass and falls back to the exact reader when it differs.
   */
  static final String LINES_OF_FILE =
      "SELECT NULL::BIGINT AS evidence_line, raw FROM read_csv($2, columns = {'raw': 'VARCHAR'}, delim = chr(1),"
          + " quote = '', escape = '', header = false, auto_detect = false, max_line_size = 67108864)";

  /**
   * Numbers the rows of file $1 that {@link #LINES_OF_FILE} inserted: an INSERT keeps its
   * source's order (DuckDB's preserve_insertion_order, on by default) and one statement's rows
   * take consecutive row ids, so a row's line is its row id less the first one's, plus one. The
   * loader proves it on every load against the line-position checksum of the hash pass.
   */
  static final String NUMBER_LINES =
      "UPDATE events SET evidence_line = rowid - (SELECT min(rowid) FROM events WHERE evidence_file = $1) + 1"
          + " WHERE evidence_file = $1";

  /** The exact source: lines a Java reader split on \n and appended to a staging table. */
  static final String LINES_OF_STAGING = "SELECT evidence_line, raw FROM staging";

  private Schema() {}

  /** Returns the INSERT that parses events from {@code source}, a relation of (evidence_line, raw). */
  static String insertFrom(String source) {
    return String.format(INSERT, SHAPE, TARGET_SHAPE, source);
  }

  /** Creates the tables when missing; fails when the database was built by another version. */
  static void ensure(Connection c) throws SQLException {
    Duck.exec(c, EVENTS_DDL);
    Duck.exec(c, EVIDENCE_LINES_DDL);
    Duck.exec(c, LOADED_FILES_DDL);
    Duck.exec(c, Freshness.DDL);
    Duck.exec(c, META_DDL);
    Duck.exec(c, "INSERT OR IGNORE INTO store_meta VALUES ('schema_version', '" + VERSION + "')");
    checkVersion(c);
  }

  static void checkVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM store_meta WHERE key = 'schema_version'")) {
      String found = rs.next() ? rs.getString(1) : null;
      if (!String.valueOf(VERSION).equals(found)) {
        throw StoreException.rebuild(Kind.USAGE,
            "the case database has schema version " + found + " but this okta-ir uses " + VERSION
                + ": rebuild it from the evidence");
      }
    }
  }
}
