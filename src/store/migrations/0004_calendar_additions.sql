-- Closures and weather events that operators add at run time (`connectpost calendar
-- add-closure | add-weather`); merged over the shipped calendar data. The portal issue puts
-- these behind maker-checker.
CREATE TABLE calendar_closure_added (
  market     TEXT NOT NULL CHECK (market IN ('sehk', 'sse', 'szse')),
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('holiday', 'half_day')),
  reason     TEXT NOT NULL,
  source     TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  PRIMARY KEY (market, date)
);

CREATE TABLE calendar_weather_added (
  signal     TEXT NOT NULL CHECK (signal IN ('t8', 'black_rainstorm', 'extreme_conditions')),
  issued_at  TEXT NOT NULL,
  lifted_at  TEXT NOT NULL,
  effect     TEXT NOT NULL,
  source     TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  PRIMARY KEY (signal, issued_at)
);
