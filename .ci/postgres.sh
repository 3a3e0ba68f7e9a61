# Sourced by .ci/run: installs PostgreSQL from Debian's packages, starts it on 127.0.0.1
# and exports STORYWEAVE_TEST_POSTGRES so the PostgreSQL store tests run (nothing skipped).
# Safe to source twice: every step checks before it acts. Needs root (CI runs as root).
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
fi
# pgvector is used when the server has it; Debian bookworm ships no package for it, so
# this is best effort and the store falls back to bytea vectors.
apt-get install -y -qq --no-install-recommends "postgresql-$(ls /usr/lib/postgresql | sort -V | tail -1)-pgvector" >/dev/null 2>&1 || true
_SW_PGVER="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$_SW_PGVER main"; then
  pg_createcluster "$_SW_PGVER" main --port 5432 >/dev/null
fi
if ! pg_lsclusters -h | awk '$1=="'"$_SW_PGVER"'" && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$_SW_PGVER" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1 -d postgres" <<'SQL'
SELECT 'CREATE ROLE storyweave LOGIN PASSWORD ''storyweave'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'storyweave') \gexec
SELECT 'CREATE DATABASE storyweave_test OWNER storyweave'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'storyweave_test') \gexec
SQL
unset _SW_PGVER
export STORYWEAVE_TEST_POSTGRES="postgresql://storyweave:storyweave@127.0.0.1:5432/storyweave_test"
