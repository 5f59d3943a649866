-- gradframes.lua: a pandoc filter that turns ```grad fenced code blocks into gradframes figures.
--
--   pandoc page.md --lua-filter integrations/pandoc/gradframes.lua -o page.html
--
-- HTML output gets the figure as inline SVG; every other output (LaTeX, PDF, DOCX, ...) gets a PNG file.
-- Block attributes become options: frame (default last), view, style, theme, engine, edge-labels, id-prefix;
-- caption becomes the figure's caption. Figures are cached in GRADFRAMES_CACHE (default .gradframes-cache),
-- keyed by the SHA-1 of the program, the options and the gradframes jar, so an unchanged page starts no JVM.
-- gradframes is run as `java -jar $GRADFRAMES_JAR`, or else as `gradframes` from the PATH. When GRADFRAMES_SERVER
-- names a running render server (`gradframes serve`, such as http://127.0.0.1:8000), each figure is POSTed to it
-- with curl instead, and no JVM starts; a server that does not answer is said once on stderr, and the command line
-- renders instead.
-- Works with pandoc 2.17 (Debian's) and later, and with Quarto (`filters: [path/gradframes.lua]`).

local OPTIONS = { "frame", "view", "style", "theme", "engine", "edge-labels", "id-prefix" }
local cache = os.getenv("GRADFRAMES_CACHE") or ".gradframes-cache"
local block_count = 0
local tool -- { command = shell words, identity = hash of the jar or launcher }
local server -- { url = base URL, identity = its /health answer }, or false when there is none to use
-- The themes a server takes: it reads no theme files, so a block naming one is rendered by the command line.
local SERVER_THEMES = { light = true, dark = true, print = true, colorblind = true, auto = true }

local function quote(word)
  return "'" .. word:gsub("'", "'\\''") .. "'"
end

local function read(path)
  local file = io.open(path, "rb")
  if not file then return nil end
  local text = file:read("a")
  file:close()
  return text
end

local function write(path, text)
  local file = assert(io.open(path, "wb"))
  file:write(text)
  file:close()
end

local function find_tool()
  if tool then return tool end
  local jar = os.getenv("GRADFRAMES_JAR")
  if jar and jar ~= "" then
    local bytes = read(jar)
    if not bytes then error("gradframes.lua: GRADFRAMES_JAR names " .. jar .. ", which cannot be read.") end
    tool = { command = "java -jar " .. quote(jar), identity = pandoc.sha1(bytes) }
    return tool
  end
  local where = io.popen("command -v gradframes 2>/dev/null")
  local path = where:read("l")
  where:close()
  if not path or path == "" then
    error("gradframes.lua: set GRADFRAMES_JAR to gradframes.jar, or put gradframes on the PATH.")
  end
  tool = { command = quote(path), identity = pandoc.sha1(read(path) or path) }
  return tool
end

local function warn(text)
  io.stderr:write("gradframes.lua: " .. text .. "\n")
end

-- What went wrong with a run of curl, from the error pandoc.pipe raised.
local function curl_failure(failure)
  local code = type(failure) == "table" and failure.error_code or nil
  local reasons = { [6] = "no such host", [7] = "nothing listens there", [28] = "it did not answer in time" }
  return code and ("curl exit code " .. code .. (reasons[code] and ", " .. reasons[code] or "")) or tostring(failure)
end

local function has_curl()
  local where = io.popen("command -v curl 2>/dev/null")
  local path = where:read("l")
  where:close()
  return path and path ~= ""
end

-- The render server GRADFRAMES_SERVER names, if it answers; false (said once) when it is set but cannot be used.
local function find_server()
  if server ~= nil then return server end
  local url = os.getenv("GRADFRAMES_SERVER")
  server = false
  if not url or url == "" then return server end
  url = url:gsub("/+$", "")
  local why
  if not has_curl() then
    why = "curl is not installed"
  else
    local ok, answer = pcall(pandoc.pipe, "curl", { "-s", "--fail", "--max-time", "5", url .. "/health" }, "")
    if ok and answer:match("^ok ") then
      server = { url = url, identity = answer:gsub("%s+$", "") }
      return server
    end
    why = ok and ("it answered '" .. answer:sub(1, 60):gsub("%s+$", "") .. "'") or curl_failure(answer)
  end
  warn("the render server GRADFRAMES_SERVER names (" .. url .. ") cannot be used (" .. why
    .. "); rendering with the command line instead.")
  return server
end

local function percent_encoded(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local function fail(index, code, problem)
  local first = code:match("[^\n]*") or ""
  -- pandoc 2.17 gives filters no source positions for blocks, so the block is named by its number and first line.
  error("gradframes.lua: ```grad block " .. index .. " (first line: " .. first .. "):\n"
    .. problem:gsub("<stdin>", "block " .. index), 0)
end

-- Renders one block with the server into the file `out`: true when done, false when the command line should.
local function render_with_server(code, format, attributes, out, index)
  local query = {}
  for _, name in ipairs(OPTIONS) do
    if attributes[name] then table.insert(query, name .. "=" .. percent_encoded(attributes[name])) end
  end
  local url = server.url .. "/gradframes/" .. format .. "?" .. table.concat(query, "&")
  local ok, status = pcall(pandoc.pipe, "curl", { "-s", "--max-time", "120", "-o", out .. ".part", "-w",
    "%{http_code}", "-H", "Content-Type: text/plain; charset=utf-8", "--data-binary", "@-", url }, code)
  if ok and status == "200" then
    os.rename(out .. ".part", out)
    return true
  end
  local body = read(out .. ".part") or ""
  os.remove(out .. ".part")
  if ok and status == "400" then
    fail(index, code, body)
  end
  warn("the render server could not render block " .. index .. " (" .. (ok and ("status " .. status .. ": "
    .. body:gsub("%s+$", "")) or curl_failure(status)) .. "); rendering it with the command line instead.")
  return false
end

local function html_output()
  return FORMAT:match("html") ~= nil or FORMAT == "epub" or FORMAT:match("epub") ~= nil
end

-- Renders one block with the command line into the file `out`.
local function render_with_command_line(code, format, attributes, out, base, index)
  local args = { "-", "-f", format, "-o", "-" }
  if not attributes["frame"] then
    table.insert(args, "--frame")
    table.insert(args, "last")
  end
  for _, name in ipairs(OPTIONS) do
    if attributes[name] then
      table.insert(args, "--" .. name)
      table.insert(args, attributes[name])
    end
  end
  local words = {}
  for _, a in ipairs(args) do table.insert(words, quote(a)) end
  write(base .. ".grad", code)
  local ok = os.execute(find_tool().command .. " " .. table.concat(words, " ") .. " < " .. quote(base .. ".grad")
    .. " > " .. quote(out .. ".part") .. " 2> " .. quote(base .. ".err"))
  local problem = read(base .. ".err") or ""
  os.remove(base .. ".grad")
  os.remove(base .. ".err")
  if not ok then
    os.remove(out .. ".part")
    fail(index, code, problem)
  end
  os.rename(out .. ".part", out)
end

-- The figure for one block: SVG text for HTML, else the path of a PNG file; errors name the block.
-- The cache key holds what renders it: the server's build when the server does, else the jar's or launcher's hash.
-- A block the server could not render is drawn by the command line and kept under the server's key: the figure is
-- the same bytes either way.
local function render(code, attributes, index)
  local format = html_output() and "svg" or "png"
  local by_server = find_server() and (not attributes["theme"] or SERVER_THEMES[attributes["theme"]])
  local key = { code, format, by_server and server.identity or find_tool().identity }
  for _, name in ipairs(OPTIONS) do
    if attributes[name] then table.insert(key, name .. "=" .. attributes[name]) end
  end
  os.execute("mkdir -p " .. quote(cache))
  local base = cache .. "/" .. pandoc.sha1(table.concat(key, "\0"))
  local out = base .. "." .. format
  if not read(out) then
    if not (by_server and render_with_server(code, format, attributes, out, index)) then
      render_with_command_line(code, format, attributes, out, base, index)
    end
  end
  return format == "svg" and read(out) or out
end

function CodeBlock(block)
  if not block.classes:includes("grad") then return nil end
  block_count = block_count + 1
  local attributes = {}
  for name, value in pairs(block.attributes) do attributes[name] = value end
  local caption = attributes["caption"]
  local figure = render(block.text, attributes, block_count)
  local inlines = caption and pandoc.utils.blocks_to_inlines(pandoc.read(caption, "markdown").blocks) or {}
  if html_output() then
    local svg = figure:gsub("^<%?xml[^>]*>%s*", "")
    local html = { pandoc.RawBlock("html", '<figure class="gradframes">\n' .. svg) }
    if caption then
      table.insert(html, pandoc.RawBlock("html", "<figcaption>"))
      table.insert(html, pandoc.Plain(inlines))
      table.insert(html, pandoc.RawBlock("html", "</figcaption>"))
    end
    table.insert(html, pandoc.RawBlock("html", "</figure>"))
    return html
  end
  return pandoc.Para({ pandoc.Image(inlines, figure, caption and "fig:" or "") })
end
