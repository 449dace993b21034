-- Drives Neovim's own LSP client, configured by the README's snippet (loaded
-- with -u before this file), on one Python file, and writes what it read back
-- as JSON: the diagnostics, the inlay hints the snippet draws as virtual text,
-- a hover and the raw textDocument/inlayHint answer. test/e2e/neovim.test.ts
-- runs it: nvim --headless -u init.lua -c 'luafile driver.lua'.
local result = {}

local function run()
  local file = vim.env.SHAPE_LENS_FILE
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  local client
  result.initialized = vim.wait(60000, function()
    client = vim.lsp.get_active_clients()[1]
    return client ~= nil and client.initialized == true and vim.lsp.buf_is_attached(buf, client.id)
  end, 50)
  if not result.initialized then return end
  result.client = client.name

  result.got_diagnostics = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, severity = d.severity, message = d.message, code = lsp.code })
  end

  local ns = vim.api.nvim_get_namespaces()['shape-lens-hints']
  result.got_virtual_text = ns ~= nil and vim.wait(60000, function()
    return #vim.api.nvim_buf_get_extmarks(buf, ns, 0, -1, {}) > 0
  end, 50)
  result.virtual_text = {}
  if ns then
    for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
      local texts = {}
      for _, chunk in ipairs(mark[4].virt_text or {}) do table.insert(texts, chunk[1]) end
      table.insert(result.virtual_text, { line = mark[2], text = table.concat(texts) })
    end
  end

  local uri = vim.uri_from_bufnr(buf)
  local position = { line = tonumber(vim.env.SHAPE_LENS_HOVER_LINE), character = tonumber(vim.env.SHAPE_LENS_HOVER_COL) }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = position }, 30000)
  result.hover = hover and hover[client.id] and hover[client.id].result
  local range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(buf), character = 0 } }
  local hints = vim.lsp.buf_request_sync(buf, 'textDocument/inlayHint', { textDocument = { uri = uri }, range = range }, 30000)
  result.inlay_hints = hints and hints[client.id] and hints[client.id].result
  result.hover_key = vim.fn.maparg('K', 'n', false, true).rhs ~= nil or vim.fn.maparg('K', 'n', false, true).callback ~= nil

  vim.lsp.stop_client(client.id)
  result.stopped = vim.wait(10000, function() return client.is_stopped() end, 50)
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
local out = io.open(vim.env.SHAPE_LENS_OUT, 'w')
out:write(vim.fn.json_encode(result))
out:close()
vim.cmd('qa!')
