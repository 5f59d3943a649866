-- gradframes.lua: a pandoc filter that turns ```grad fenced code blocks into gradframes figures.
--
--   pandoc page.md --lua-filter integrations/pandoc/gradframes.lua -o page.html
--
-- HTML output gets the figure as inline SVG; every other output (LaTeX, PDF, DOCX, ...) gets a PNG file.
-- Block attributes become options: frame (default last), view, style, theme, engine, edge-labels, id-prefix;
-- caption becomes the figure's caption. Figures are cached in GRADFRAMES_CACHE (default .gradframes-cache),
-- keyed by the SHA-1 of the program, the options and the gradframes jar, so an unchanged page starts no JVM.
-- gradframes is run as `java -jar $GRADFRAMES_JAR`, or else as `gradframes` from the PATH.
-- Works with pandoc 2.17 (Debian's) and later, and with Quarto (`filters: [path/gradframes.lua]`).

local OPTIONS = { "frame", "view", "style", "theme", "engine", "edge-labels", "id-prefix" }
local cache = os.getenv("GRADFRAMES_CACHE") or ".gradframes-cache"
local block_count = 0
local tool -- { command = shell words, identity = hash of the jar or launcher }

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

local function html_output()
  return FORMAT:match("html") ~= nil or FORMAT == "epub" or FORMAT:match("epub") ~= nil
end

-- The figure for one block: SVG text for HTML, else the path of a PNG file; errors name the block.
local function render(code, attributes, index)
  local format = html_output() and "svg" or "png"
  local args = { "-", "-f", format, "-o", "-" }
  if not attributes["frame"] then
    table.insert(args, "--frame")
    table.insert(args, "last")
  end
  local key = { code, format, tool.identity }
  for _, name in ipairs(OPTIONS) do
    local value = attributes[name]
    if value then
      table.insert(args, "--" .. name)
      table.insert(args, value)
      table.insert(key, name .. "=" .. value)
    end
  end
  os.execute("mkdir -p " .. quote(cache))
  local base = cache .. "/" .. pandoc.sha1(table.concat(key, "\0"))
  local out = base .. "." .. format
  if not read(out) then
    local words = {}
    for _, a in ipairs(args) do table.insert(words, quote(a)) end
    write(base .. ".grad", code)
    local ok = os.execute(tool.command .. " " .. table.concat(words, " ") .. " < " .. quote(base .. ".grad")
      .. " > " .. quote(out .. ".part") .. " 2> " .. quote(base .. ".err"))
    local problem = read(base .. ".err") or ""
    os.remove(base .. ".grad")
    os.remove(base .. ".err")
    if not ok then
      os.remove(out .. ".part")
      local first = code:match("[^\n]*") or ""
      -- pandoc 2.17 gives filters no source positions for blocks, so the block is named by its number and first line.
      error("gradframes.lua: ```grad block " .. index .. " (first line: " .. first .. "):\n"
        .. problem:gsub("<stdin>", "block " .. index), 0)
    end
    os.rename(out .. ".part", out)
  end
  return format == "svg" and read(out) or out
end

function CodeBlock(block)
  if not block.classes:includes("grad") then return nil end
  block_count = block_count + 1
  find_tool()
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
