-- A key in safelist mode may run only the gateway's registered (persisted) operations.
ALTER TABLE api_keys ADD COLUMN IF NOT EXISTS safelist_only boolean NOT NULL DEFAULT false;
-- Keys made before this column marked safelist mode inside their scopes.
UPDATE api_keys SET safelist_only = true, scopes = array_remove(scopes, 'mode:safelist-only')
 WHERE 'mode:safelist-only' = ANY (scopes);
