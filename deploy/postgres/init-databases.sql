-- One database per service (DESIGN.md section 4); each service runs its own migrations at start.
CREATE DATABASE spider;
CREATE DATABASE tumblebug;
CREATE DATABASE mcmeta;
CREATE DATABASE hub;
