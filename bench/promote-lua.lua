-- promote-projects.sh's Lua workload: a transcript that must not change
-- when the interpreter is built with promote (or under ASan).
local out = {}
local function p(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  out[#out + 1] = table.concat(t, " ")
end

-- strings: format, gsub, patterns, rep, byte/char, pack
for i = 1, 200 do
  local s = string.format("%5d|%-8s|%x|%.3f|%q", i, ("ab"):rep(i % 5), i * 37, i / 7, "x\n" .. i)
  if i % 40 == 0 then p(s) end
end
p(("hello world from lua"):gsub("(%w+)", "<%1>"))
p(string.pack(">i4i8", 7, -9):byte(1, -1))
p(("%d items"):format(3), ("abc"):upper(), ("  trim  "):match("^%s*(.-)%s*$"))
-- tables: sort, concat, insert/remove, next
local t = {}
for i = 1, 5000 do t[i] = (i * 7919) % 1000 end
table.sort(t)
p(t[1], t[2500], t[5000], #t)
local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
p(table.concat(words, ","))
-- closures and upvalues
local function counter() local n = 0; return function() n = n + 1; return n end end
local c1, c2 = counter(), counter()
for _ = 1, 10 do c1() end
p(c1(), c2())
-- coroutines
local co = coroutine.wrap(function(a) for i = 1, 3 do a = coroutine.yield(a * i) end return "done" end)
p(co(2), co(3), co(4), co(5))
-- GC and weak tables
local weak = setmetatable({}, {__mode = "k"})
for i = 1, 1000 do weak[{}] = i end
collectgarbage(); collectgarbage()
local left = 0
for _ in pairs(weak) do left = left + 1 end
p("weak left", left)
-- metatables, integer/float arithmetic, math
local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
local v = setmetatable({x = 1}, V) + setmetatable({x = 41}, V)
p(v.x, 7 // 2, 7 % -3, 2^10, math.maxinteger, math.tointeger(3.0), 1e300 * 10)
-- load, pcall, error messages
p(pcall(error, "boom"))
p(load("return 1 + 2")())
p(select("#", pcall(load, "syntax error here")))
-- utf8, os
p(utf8.char(72, 228, 8364, 128512), utf8.len("häll€"))
-- string buffers built by concatenation (lots of short strings)
local parts = {}
for i = 1, 20000 do parts[#parts + 1] = tostring(i) end
local big = table.concat(parts)
p(#big, big:sub(1, 20), big:sub(-20))
print(table.concat(out, "\n"))
